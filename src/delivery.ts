import { randomUUID } from 'node:crypto';
import {
  type DeliveryStore,
  delayAfter,
  describeFailure,
  type Failure,
  type RetryReport,
  retryKept,
  send,
} from './delivery-retry.ts';
import type { LogFields, Logger } from './log.ts';
import type { Message } from './messages/message.ts';
import { type Meter, noMeter } from './meter.ts';
import type { PersonRef, PlaceRef, Posted } from './model/identity.ts';
import { type Outboxes, splitPlace, toAddress } from './outbox.ts';
import { keepOutbound, supersedeEdits } from './store/outbound-messages.ts';
import type { OutboundTarget } from './store/schema.ts';

/** Why a message did not go out: its platform is not connected here, or the platform refused or failed. */
export type NotDelivered = 'not_connected' | 'failed';
export type Delivered =
  | { ok: true; posted?: Posted }
  | {
      ok: false;
      reason: NotDelivered;
      /** The platform's own word for what went wrong (`not_in_channel`, `timeout`), when it gave one. */
      problem?: string;
      /** Kept in the outbox: the retry job tries it again, so it may still arrive. */
      queued?: boolean;
    };

/**
 * The one path for every proactive message (ticket notices, queue cards, SLA alerts, surveys, digests): to
 * a place, to a person, or an edit of a posted message. It never throws; it says what happened, and logs
 * and counts each failure once, so senders decide what to tell people instead of each catching its own.
 * `what` names the message in the log ("queue card", "requester notice").
 *
 * With a store, what a platform did not take (after the adapter's own quick retries) is kept in the outbox
 * and tried again by the outbox job, under the same delivery key, instead of being lost; a message carrying
 * `remember` is reported where it went, whenever it goes.
 */
export interface Delivery {
  /** Whether messages can go to this platform at all. */
  connected(platform: string): boolean;
  /** `to` is `platform:address` (a queue) or the place a conversation happens (a requester's). */
  toPlace(to: string | PlaceRef, message: Message, what: string, about?: LogFields): Promise<Delivered>;
  toPerson(person: PersonRef, message: Message, what: string, about?: LogFields): Promise<Delivered>;
  update(posted: Posted, message: Message, what: string, about?: LogFields): Promise<Delivered>;
  /** What the platform already knows is wrong with a place (`teams:…` the app was removed from). Never throws. */
  knownProblem(place: string): Promise<string | undefined>;
  /** Failures since start, by reason. */
  failures(): Readonly<Record<NotDelivered, number>>;
  /** Tries again the kept messages that are due: what the outbox job runs. Never throws. */
  retryDue(): Promise<RetryReport>;
}

export { type DeliveryStore, outboxRetry, type RetryReport } from './delivery-retry.ts';

/** When to try recording where a message went again, after each failure. */
const rememberRetryMs = [1_000, 5_000, 30_000, 120_000];

export function createDelivery(
  outboxes: Outboxes,
  log: Logger,
  store?: DeliveryStore,
  meter: Meter = noMeter,
): Delivery {
  const failures: Record<NotDelivered, number> = { not_connected: 0, failed: 0 };
  const failed = (platform: string, reason: NotDelivered) => {
    failures[reason]++;
    meter.count('tierdesk_outbox_failures_total', { platform, reason });
  };

  /**
   * After a message went out: report where, and let go of older edits of the same post still waiting. It went
   * out whatever happens here: a failure is logged, never taken for a failed delivery (that would repeat it).
   */
  const afterSent = async (platform: string, target: OutboundTarget, message: Message, posted?: Posted) => {
    if (!store) return;
    try {
      if (target.kind === 'edit') await supersedeEdits(store.db, platform, target.posted.id, store.clock.now());
    } catch (err) {
      log.error('superseded edits not let go', { platform, err });
    }
    if (message.remember && posted) await remember(store, message.remember, posted);
  };

  /**
   * Where a message went must be kept (a queue card's later edits, a status message's), or the next change
   * posts a second one: a failure to record it (the database restarting) is tried again a few times, over
   * about three minutes, before it is logged as given up.
   */
  const remember = async (to: DeliveryStore, key: string, posted: Posted, tries = 0): Promise<void> => {
    try {
      await to.remembered(key, posted);
      if (tries > 0) log.info('delivered message recorded', { remember: key, tries: tries + 1 });
    } catch (err) {
      const wait = rememberRetryMs[tries];
      if (wait === undefined) return log.error('delivered message not recorded', { remember: key, err });
      log.warn('delivered message not recorded yet; trying again', { remember: key, inMs: wait, err });
      setTimeout(() => void remember(to, key, posted, tries + 1), wait).unref();
    }
  };

  /** Keeps a message that did not go out; false when there is no store or it could not be kept. */
  const keep = async (
    platform: string,
    target: OutboundTarget,
    message: Message,
    sent: { key: string; what: string; about: LogFields; failure: Failure },
  ): Promise<boolean> => {
    if (!store) return false;
    const at = store.clock.now();
    const { failure } = sent;
    try {
      await keepOutbound(store.db, {
        deliveryKey: sent.key,
        platform,
        target,
        message,
        what: sent.what,
        about: sent.about,
        lastError: failure.problem,
        mayHaveGoneOut: failure.mayHaveGoneOut,
        at,
        nextAttemptAt: failure.retryable ? new Date(at.getTime() + delayAfter(1, failure)) : undefined,
      });
      return failure.retryable;
    } catch (err) {
      log.error('undelivered message not kept', { what: sent.what, platform, ...sent.about, err });
      return false;
    }
  };

  const attempt = async (
    platform: string,
    target: OutboundTarget,
    message: Message,
    what: string,
    about: LogFields,
  ): Promise<Delivered> => {
    const outbox = outboxes[platform];
    if (!outbox) {
      failed(platform, 'not_connected');
      log.warn('message not delivered: platform not connected', { what, platform, ...about });
      return { ok: false, reason: 'not_connected' };
    }
    const key = randomUUID();
    let posted: Posted | undefined;
    try {
      posted = await send(outbox, target, message, { key });
    } catch (err) {
      failed(platform, 'failed');
      const failure = describeFailure(err);
      const queued = await keep(platform, target, message, { key, what, about, failure });
      const problem = failure.problem ? { problem: failure.problem } : {};
      log.error('message not delivered', { what, platform, ...about, ...problem, ...(queued ? { queued } : {}), err });
      return { ok: false, reason: 'failed', ...problem, ...(queued ? { queued } : {}) };
    }
    await afterSent(platform, target, message, posted);
    return posted ? { ok: true, posted } : { ok: true };
  };

  const retryDue = () => retryKept(outboxes, log, store, afterSent);

  return {
    connected: (platform) => platform in outboxes,
    toPlace(to, message, what, about = {}) {
      const { platform, address } =
        typeof to === 'string' ? splitPlace(to) : { platform: to.platform, address: toAddress(to) };
      return attempt(platform, { kind: 'place', address }, message, what, { to: address, ...about });
    },
    toPerson(person, message, what, about = {}) {
      // Only the identity is kept: a Person row carries more than an outbox needs.
      const ref = { platform: person.platform, workspace: person.workspace, userId: person.userId };
      return attempt(person.platform, { kind: 'person', person: ref }, message, what, {
        person: person.userId,
        ...about,
      });
    },
    update(posted, message, what, about = {}) {
      return attempt(posted.platform, { kind: 'edit', posted }, message, what, about);
    },
    async knownProblem(place) {
      const { platform, address } = splitPlace(place);
      try {
        return await outboxes[platform]?.knownProblem?.(address);
      } catch (err) {
        log.warn('place not checked', { platform, to: address, err });
        return undefined;
      }
    },
    failures: () => ({ ...failures }),
    retryDue,
  };
}
