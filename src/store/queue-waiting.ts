import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { openStatuses, type Ticket } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import type { DbOrTx } from './db.ts';
import { tickets } from './schema.ts';

/**
 * What waits in a tier's queue: open, unclaimed, not archived. Most urgent first (P1 sorts before P4), then
 * the oldest, so the list reads in the order the work should be taken. `total` counts all that wait.
 */
export async function listWaitingInTier(
  db: DbOrTx,
  tier: Tier,
  limit: number,
): Promise<{ tickets: Ticket[]; total: number }> {
  const waiting = and(
    eq(tickets.tier, tier),
    inArray(tickets.status, [...openStatuses]),
    isNull(tickets.assigneeId),
    isNull(tickets.archivedAt),
  );
  const rows = await db
    .select()
    .from(tickets)
    .where(waiting)
    .orderBy(asc(tickets.priority), asc(tickets.createdAt), asc(tickets.id))
    .limit(limit);
  const [counted] = await db.select({ n: count() }).from(tickets).where(waiting);
  return { tickets: rows, total: counted?.n ?? rows.length };
}
