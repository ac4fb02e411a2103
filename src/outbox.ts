import type { PersonRef } from './inbound.ts';
import type { Message } from './messages/message.ts';

/** A message the bot posted, so it can be edited in place later. */
export interface Posted {
  platform: string;
  id: string;
}

/**
 * How the desk speaks outside a direct reply: queue cards, ticket updates, alerts, surveys, digests.
 * One per platform; `address` is the part of a place after `platform:` (e.g. `#it-tier1`, `C0123`).
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
export function toAddress(place: { channel: string; thread?: string }): string {
  return place.thread ? `${place.channel}/${place.thread}` : place.channel;
}
