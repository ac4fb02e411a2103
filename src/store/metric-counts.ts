import { count, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { slaBreaches, surveyAnswers, surveyAsks, tickets } from './schema.ts';

/**
 * Totals for /metrics, read at scrape time: one grouped query each, so every replica reports the same
 * figures from the database instead of what it alone happened to see.
 */

/** Tickets not archived, by status and tier (the (tier, status) index answers this). */
export async function ticketsByState(db: DbOrTx): Promise<{ status: string; tier: string; n: number }[]> {
  return db
    .select({ status: tickets.status, tier: tickets.tier, n: count() })
    .from(tickets)
    .where(isNull(tickets.archivedAt))
    .groupBy(tickets.status, tickets.tier);
}

/** SLA warnings sent so far, by target: each is stamped once on its ticket. */
export async function slaWarningCounts(db: DbOrTx): Promise<{ target: string; n: number }[]> {
  const [warned] = await db
    .select({
      response: sql<number>`(count(*) filter (where ${tickets.responseWarnedAt} is not null))::int`,
      resolution: sql<number>`(count(*) filter (where ${tickets.resolutionWarnedAt} is not null))::int`,
    })
    .from(tickets);
  return [
    { target: 'response', n: warned?.response ?? 0 },
    { target: 'resolution', n: warned?.resolution ?? 0 },
  ];
}

/** SLA breaches recorded so far, by target. */
export async function slaBreachCounts(db: DbOrTx): Promise<{ target: string; n: number }[]> {
  return db.select({ target: slaBreaches.target, n: count() }).from(slaBreaches).groupBy(slaBreaches.target);
}

/**
 * Survey asks by kind and what became of them: `sent`, `skipped` (opted out, a fatigue rule), `not_delivered`
 * (the platform did not take it) or `pending` (a pulse ask planned and not yet taken for sending).
 */
export async function surveyAskCounts(db: DbOrTx): Promise<{ kind: string; result: string; n: number }[]> {
  const result = sql<string>`case
    when ${surveyAsks.skipped} is not null then 'skipped'
    when ${surveyAsks.notDelivered} is not null then 'not_delivered'
    when ${surveyAsks.kind} = 'pulse' and ${surveyAsks.sentAt} is null then 'pending'
    else 'sent' end`;
  return db.select({ kind: surveyAsks.kind, result, n: count() }).from(surveyAsks).groupBy(surveyAsks.kind, result);
}

/** Asks answered at least once, by kind (a changed rating is still one answered ask). */
export async function surveyAnswerCounts(db: DbOrTx): Promise<{ kind: string; n: number }[]> {
  return db
    .select({ kind: surveyAsks.kind, n: sql<number>`count(distinct ${surveyAnswers.askId})::int` })
    .from(surveyAnswers)
    .innerJoin(surveyAsks, sql`${surveyAsks.id} = ${surveyAnswers.askId}`)
    .groupBy(surveyAsks.kind);
}
