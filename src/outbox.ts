import type { Message } from './messages/message.ts';
import type { PersonRef, PlaceRef, Posted } from './model/identity.ts';

/**
 * How one platform speaks outside a direct reply. One per platform; `address` is the part of a place after
 * `platform:` (e.g. `#it-tier1`, `C0123`, `C0123/1700.1` for a thread). Features never call an outbox:
 * they send through `Delivery`, which reports what happened.
 */
export interface Outbox {
  post(address: string, message: Message): Promise<Posted>;
  update(posted: Posted, message: Message): Promise<void>;
  dm(person: PersonRef, message: Message): Promise<Posted>;
}

export type Outboxes = Readonly<Record<string, Outbox>>;

/** `slack:C0123` → `{ platform: 'slack', address: 'C0123' }`; config has already checked the shape. */
export function splitPlace(place: string): { platform: string; address: string } {
  const at = place.indexOf(':');
  return { platform: place.slice(0, at), address: place.slice(at + 1) };
}

/** Where to post into a conversation: the channel, and the thread when there is one (`C0123/1700.1`). */
export function toAddress(place: Pick<PlaceRef, 'channel' | 'thread'>): string {
  return place.thread ? `${place.channel}/${place.thread}` : place.channel;
}
