import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Message } from '../messages/message.ts';
import type { Posted } from '../model/identity.ts';
import type { DbOrTx } from './db.ts';
import { type OutboundTarget, outboundMessages } from './schema.ts';

export type OutboundMessage = typeof outboundMessages.$inferSelect;

export interface NewOutbound {
  deliveryKey: string;
  platform: string;
  target: OutboundTarget;
  message: Message;
  what: string;
  about: Record<string, unknown>;
  lastError: string | undefined;
  mayHaveGoneOut: boolean;
  at: Date;
  /** When the job tries next; undefined: given up at once (the platform will refuse it again). */
  nextAttemptAt: Date | undefined;
}

const pending = and(isNull(outboundMessages.sentAt), isNull(outboundMessages.givenUpAt));

/** Keeps a message the platform did not take. A newer edit of a post supersedes the one still waiting. */
export async function keepOutbound(db: DbOrTx, row: NewOutbound): Promise<OutboundMessage> {
  const editOf = row.target.kind === 'edit' ? row.target.posted.id : null;
  if (editOf) await supersedeEdits(db, row.platform, editOf, row.at);
  const [kept] = await db
    .insert(outboundMessages)
    .values({
      deliveryKey: row.deliveryKey,
      platform: row.platform,
      target: row.target,
      editOf,
      message: row.message,
      what: row.what,
      about: row.about,
      lastError: row.lastError ?? null,
      mayHaveGoneOut: row.mayHaveGoneOut,
      nextAttemptAt: row.nextAttemptAt ?? null,
      lastAttemptAt: row.at,
      createdAt: row.at,
      givenUpAt: row.nextAttemptAt ? null : row.at,
    })
    .returning();
  if (!kept) throw new Error('outbound message not kept');
  return kept;
}

/** An edit of `postedId` went out: older edits still waiting would overwrite it, so they are let go. */
export async function supersedeEdits(db: DbOrTx, platform: string, postedId: string, at: Date): Promise<number> {
  const superseded = await db
    .update(outboundMessages)
    .set({ givenUpAt: at, nextAttemptAt: null, lastError: 'superseded' })
    .where(and(eq(outboundMessages.platform, platform), eq(outboundMessages.editOf, postedId), pending))
    .returning({ id: outboundMessages.id });
  return superseded.length;
}

/**
 * Claims up to `limit` messages that are due, oldest first, by moving their next attempt to `leaseUntil`:
 * two replicas never send the same one at once, and one whose sender died mid-send is due again after the
 * lease, marked as one that may have gone out. Returns the rows as they were before the claim, with this
 * try counted.
 */
export async function claimDueOutbound(
  db: DbOrTx,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<OutboundMessage[]> {
  const m = outboundMessages;
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(m)
      .where(and(pending, lte(m.nextAttemptAt, now)))
      .orderBy(asc(m.nextAttemptAt), asc(m.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(m)
      .set({ nextAttemptAt: leaseUntil, lastAttemptAt: now, attempts: sql`${m.attempts} + 1`, mayHaveGoneOut: true })
      .where(
        inArray(
          m.id,
          due.map((row) => row.id),
        ),
      );
    return due.map((row) => ({ ...row, attempts: row.attempts + 1, lastAttemptAt: now })).sort((a, b) => a.id - b.id);
  });
}

export async function markOutboundSent(db: DbOrTx, id: number, posted: Posted | undefined, at: Date): Promise<void> {
  await db
    .update(outboundMessages)
    .set({ sentAt: at, nextAttemptAt: null, posted: posted ?? null })
    .where(eq(outboundMessages.id, id));
}

/**
 * Another failed try: tried again at `nextAttemptAt`, or given up when there is none. `mayHaveGoneOut`: some
 * try so far may have gone out.
 */
export async function markOutboundFailed(
  db: DbOrTx,
  id: number,
  failure: { problem: string | undefined; mayHaveGoneOut: boolean; at: Date; nextAttemptAt: Date | undefined },
): Promise<void> {
  await db
    .update(outboundMessages)
    .set({
      lastError: failure.problem ?? null,
      mayHaveGoneOut: failure.mayHaveGoneOut,
      nextAttemptAt: failure.nextAttemptAt ?? null,
      givenUpAt: failure.nextAttemptAt ? null : failure.at,
    })
    .where(eq(outboundMessages.id, id));
}

export interface OutboundSummary {
  /** Not delivered yet, still being tried. */
  waiting: number;
  /** Not delivered, no longer tried (superseded edits are not counted: a newer edit went out). */
  givenUp: number;
  /** Delivered after one or more retries. */
  deliveredLate: number;
  /** The latest messages still waiting or given up, newest problem first. */
  latest: OutboundMessage[];
}

/** What admins see with `deliveries`: counts since `since`, and the latest problems. */
export async function summariseOutbound(db: DbOrTx, since: Date, limit = 5): Promise<OutboundSummary> {
  const m = outboundMessages;
  const notSuperseded = or(isNull(m.lastError), sql`${m.lastError} <> 'superseded'`);
  const countOf = async (where: ReturnType<typeof and>) =>
    (await db.select({ n: count() }).from(m).where(where))[0]?.n ?? 0;
  const [waiting, givenUp, deliveredLate, latest] = await Promise.all([
    countOf(pending),
    countOf(and(isNotNull(m.givenUpAt), gte(m.givenUpAt, since), notSuperseded)),
    countOf(and(isNotNull(m.sentAt), gte(m.sentAt, since))),
    db
      .select()
      .from(m)
      .where(and(isNull(m.sentAt), notSuperseded, or(isNull(m.givenUpAt), gte(m.givenUpAt, since))))
      .orderBy(desc(m.lastAttemptAt), desc(m.id))
      .limit(limit),
  ]);
  return { waiting, givenUp, deliveredLate, latest };
}

/**
 * How many messages to this place failed with one of `problems` since `since` (this one included): the
 * desk tells admins about a place once in a while, not for every ticket that could not be posted there.
 */
export async function countProblemsAt(
  db: DbOrTx,
  place: { platform: string; address: string },
  problems: readonly string[],
  since: Date,
): Promise<number> {
  const m = outboundMessages;
  const [row] = await db
    .select({ n: count() })
    .from(m)
    .where(
      and(
        eq(m.platform, place.platform),
        sql`${m.target}->>'kind' = 'place' and ${m.target}->>'address' = ${place.address}`,
        inArray(m.lastError, [...problems]),
        gte(m.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}
