import type { Clock } from './clock.ts';
import type { Logger } from './log.ts';
import type { Message } from './messages/message.ts';
import type { Posted } from './model/identity.ts';
import { type Outbox, OutboxError, type Outboxes, type SendOptions } from './outbox.ts';
import type { Db } from './store/db.ts';
import { claimDueOutbound, markOutboundFailed, markOutboundSent } from './store/outbound-messages.ts';
import type { OutboundTarget } from './store/schema.ts';

/**
 * What Delivery does with a message a platform did not take: how the failure reads (retry or not, may it
 * have gone out), when to try again, and the outbox job's pass over the kept messages that are due.
 */

export interface DeliveryStore {
  db: Db;
  clock: Clock;
  /** Where a message that carried `remember` went (the desk keeps it: `desk.posted`). */
  remembered(remember: string, posted: Posted): Promise<void>;
}

/** How the outbox job retries: doubling from a minute up to an hour between tries, for a day at most. */
export const outboxRetry = {
  firstDelayMs: 60_000,
  maxDelayMs: 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
  maxAttempts: 40,
  /** A claimed message not finished by then (the process died mid-send) is due again. */
  leaseMs: 5 * 60_000,
  batch: 50,
};

export interface RetryReport {
  tried: number;
  sent: number;
  waiting: number;
  gaveUp: number;
}

export interface Failure {
  problem: string | undefined;
  retryable: boolean;
  mayHaveGoneOut: boolean;
  retryAfterMs: number;
}

/** An outbox that says why gets its word shown; anything else is a failure of unknown cause, tried again. */
export function describeFailure(err: unknown): Failure {
  if (err instanceof OutboxError) {
    const { problem, retryable, mayHaveGoneOut } = err;
    return { problem, retryable, mayHaveGoneOut, retryAfterMs: err.retryAfterMs ?? 0 };
  }
  return { problem: undefined, retryable: true, mayHaveGoneOut: true, retryAfterMs: 0 };
}

export const delayAfter = (attempts: number, failure: Failure) =>
  Math.max(
    Math.min(outboxRetry.firstDelayMs * 2 ** Math.max(attempts - 1, 0), outboxRetry.maxDelayMs),
    failure.retryAfterMs,
  );

export async function send(outbox: Outbox, target: OutboundTarget, message: Message, options: SendOptions) {
  switch (target.kind) {
    case 'place':
      return outbox.post(target.address, message, options);
    case 'person':
      return outbox.dm(target.person, message, options);
    case 'edit':
      await outbox.update(target.posted, message);
      return undefined;
  }
}

export async function retryKept(
  outboxes: Outboxes,
  log: Logger,
  store: DeliveryStore | undefined,
  afterSent: (platform: string, target: OutboundTarget, message: Message, posted?: Posted) => Promise<void>,
): Promise<RetryReport> {
  const report: RetryReport = { tried: 0, sent: 0, waiting: 0, gaveUp: 0 };
  if (!store) return report;
  const { db, clock } = store;
  try {
    const now = clock.now();
    const due = await claimDueOutbound(db, now, new Date(now.getTime() + outboxRetry.leaseMs), outboxRetry.batch);
    for (const row of due) {
      report.tried++;
      const about = { ...row.about, outbound: row.id, attempts: row.attempts };
      const outbox = outboxes[row.platform];
      let posted: Posted | undefined;
      try {
        if (!outbox) throw new OutboxError('not_connected', { retryable: true });
        posted = await send(outbox, row.target, row.message, {
          key: row.deliveryKey,
          mayHaveGoneOut: row.mayHaveGoneOut,
        });
      } catch (err) {
        const failure = describeFailure(err);
        const at = clock.now();
        const tooLate =
          row.attempts >= outboxRetry.maxAttempts ||
          at.getTime() - row.createdAt.getTime() >= outboxRetry.giveUpAfterMs;
        const next =
          failure.retryable && !tooLate ? new Date(at.getTime() + delayAfter(row.attempts, failure)) : undefined;
        const mayHaveGoneOut = row.mayHaveGoneOut || failure.mayHaveGoneOut;
        await markOutboundFailed(db, row.id, { ...failure, mayHaveGoneOut, at, nextAttemptAt: next });
        const fields = { what: row.what, platform: row.platform, ...about, problem: failure.problem, err };
        if (next) {
          report.waiting++;
          log.warn('message still not delivered', { ...fields, next: next.toISOString() });
        } else {
          report.gaveUp++;
          log.error('message given up', fields);
        }
        continue;
      }
      // Not marked sent (the store failing now): the row stays claimed, flagged as maybe gone out, and the
      // next try after the lease finds the post instead of repeating it.
      await markOutboundSent(db, row.id, posted, clock.now());
      await afterSent(row.platform, row.target, row.message, posted);
      report.sent++;
      log.info('message delivered after retrying', { what: row.what, platform: row.platform, ...about });
    }
    if (report.tried > 0) log.info('outbox retried', { ...report });
  } catch (err) {
    log.error('outbox retry failed', { err });
  }
  return report;
}
