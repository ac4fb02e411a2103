import type { LogFields, Logger } from './log.ts';
import type { Message } from './messages/message.ts';
import type { PersonRef, PlaceRef, Posted } from './model/identity.ts';
import { type Outboxes, splitPlace, toAddress } from './outbox.ts';

/** Why a message did not go out: its platform is not connected here, or the platform refused or failed. */
export type NotDelivered = 'not_connected' | 'failed';
export type Delivered = { ok: true; posted?: Posted } | { ok: false; reason: NotDelivered };

/**
 * The one path for every proactive message (ticket notices, queue cards, SLA alerts, surveys, digests): to
 * a place, to a person, or an edit of a posted message. It never throws; it says what happened, and logs
 * and counts each failure once, so senders decide what to tell people instead of each catching its own.
 * `what` names the message in the log ("queue card", "requester notice").
 */
export interface Delivery {
  /** Whether messages can go to this platform at all. */
  connected(platform: string): boolean;
  /** `to` is `platform:address` (a queue) or the place a conversation happens (a requester's). */
  toPlace(to: string | PlaceRef, message: Message, what: string, about?: LogFields): Promise<Delivered>;
  toPerson(person: PersonRef, message: Message, what: string, about?: LogFields): Promise<Delivered>;
  update(posted: Posted, message: Message, what: string, about?: LogFields): Promise<Delivered>;
  /** Failures since start, by reason. */
  failures(): Readonly<Record<NotDelivered, number>>;
}

export function createDelivery(outboxes: Outboxes, log: Logger): Delivery {
  const failures: Record<NotDelivered, number> = { not_connected: 0, failed: 0 };
  const attempt = async (
    platform: string,
    what: string,
    about: LogFields,
    send: (outbox: NonNullable<Outboxes[string]>) => Promise<Posted | undefined>,
  ): Promise<Delivered> => {
    const outbox = outboxes[platform];
    if (!outbox) {
      failures.not_connected++;
      log.warn('message not delivered: platform not connected', { what, platform, ...about });
      return { ok: false, reason: 'not_connected' };
    }
    try {
      const posted = await send(outbox);
      return posted ? { ok: true, posted } : { ok: true };
    } catch (err) {
      failures.failed++;
      log.error('message not delivered', { what, platform, ...about, err });
      return { ok: false, reason: 'failed' };
    }
  };
  return {
    connected: (platform) => platform in outboxes,
    toPlace(to, message, what, about = {}) {
      const { platform, address } =
        typeof to === 'string' ? splitPlace(to) : { platform: to.platform, address: toAddress(to) };
      return attempt(platform, what, { to: address, ...about }, (outbox) => outbox.post(address, message));
    },
    toPerson(person, message, what, about = {}) {
      return attempt(person.platform, what, { person: person.userId, ...about }, (outbox) =>
        outbox.dm(person, message),
      );
    },
    update(posted, message, what, about = {}) {
      return attempt(posted.platform, what, about, async (outbox) => {
        await outbox.update(posted, message);
        return undefined;
      });
    },
    failures: () => ({ ...failures }),
  };
}
