import {
  and,
  asc,
  type Column,
  count,
  eq,
  getTableName,
  inArray,
  isNull,
  type SQL,
  sql,
  type Table,
} from 'drizzle-orm';
import { openStatuses, type Ticket } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import type { DbOrTx } from './db.ts';
import { tickets } from './schema.ts';
import { feedback } from './survey-schema.ts';

/** A ticket waiting to be taken; `followUp` when it was opened to follow up feedback (on `about`, or none). */
export interface WaitingRow {
  ticket: Ticket;
  followUp?: { about: number | null };
}

/**
 * `"table"."column"`: drizzle leaves out the table in a one-table query, and inside these subqueries a bare
 * "id" would be the feedback's own, not the ticket's.
 */
const qualified = (table: Table, column: Column) =>
  sql`${sql.identifier(getTableName(table))}.${sql.identifier(column.name)}`;
const linked = sql`${qualified(feedback, feedback.followUpTicketId)} = ${qualified(tickets, tickets.id)}`;
const isFollowUp = sql<boolean>`exists (select 1 from ${feedback} where ${linked})`;
// One follow-up per survey, so every feedback row linked to it is about the same ticket.
const followUpAbout = sql<number | null>`(select ${qualified(feedback, feedback.ticketId)} from ${feedback}
  where ${linked} order by ${qualified(feedback, feedback.id)} limit 1)`;

/**
 * The order work should be taken in: P1 first (an outage comes before anything), then follow-ups of
 * feedback (someone told us we fell short: escalations at P2 before complaints at P3), then the rest by
 * priority; the oldest first within each.
 */
export const takeNextOrder: SQL[] = [
  sql`case when ${tickets.priority} = 'P1' then 0 when ${isFollowUp} then 1 else 2 end`,
  asc(tickets.priority),
  asc(tickets.createdAt),
  asc(tickets.id),
];

/**
 * What waits unclaimed: open, not archived, in one tier (every tier without one), in the order to take it.
 * `total` counts all that wait.
 */
export async function listWaiting(
  db: DbOrTx,
  tier: Tier | undefined,
  limit: number,
): Promise<{ waiting: WaitingRow[]; total: number }> {
  const waiting = and(
    ...(tier ? [eq(tickets.tier, tier)] : []),
    inArray(tickets.status, [...openStatuses]),
    isNull(tickets.assigneeId),
    isNull(tickets.archivedAt),
  );
  const rows = await db
    .select({ ticket: tickets, followUp: isFollowUp, about: followUpAbout })
    .from(tickets)
    .where(waiting)
    .orderBy(...takeNextOrder)
    .limit(limit);
  const [counted] = await db.select({ n: count() }).from(tickets).where(waiting);
  return {
    waiting: rows.map((r) => ({ ticket: r.ticket, ...(r.followUp ? { followUp: { about: r.about } } : {}) })),
    total: counted?.n ?? rows.length,
  };
}
