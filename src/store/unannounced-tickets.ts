import { and, between, eq, inArray, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import { openStatuses, type Ticket } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import type { DbOrTx } from './db.ts';
import { outboundMessages } from './outbound-schema.ts';
import { tickets } from './schema.ts';
import { feedback } from './survey-schema.ts';

/**
 * Open tickets of `tiers` opened between `from` and `until` whose queue card never went out and is not waiting in the
 * outbox either: acknowledged to their requester, then the database or the process failed before the card
 * was posted, and nobody took on posting it since `unclaimedSince`. Follow-ups of feedback are left out:
 * their card goes to the feedback queue, not their tier's.
 */
export async function unannouncedTickets(
  db: DbOrTx,
  window: { from: Date; until: Date; tiers: readonly Tier[]; unclaimedSince: Date; limit: number },
): Promise<Ticket[]> {
  return db
    .select()
    .from(tickets)
    .where(
      and(
        between(tickets.createdAt, window.from, window.until),
        isNull(tickets.queueMessage),
        inArray(tickets.tier, [...window.tiers]),
        or(isNull(tickets.queueCardClaimedAt), lt(tickets.queueCardClaimedAt, window.unclaimedSince)),
        inArray(tickets.status, [...openStatuses]),
        notExists(
          db
            .select({ one: sql`1` })
            .from(outboundMessages)
            .where(sql`${outboundMessages.message}->>'remember' like 'queue-card:' || ${tickets.id} || ':%'`),
        ),
        notExists(db.select({ one: sql`1` }).from(feedback).where(sql`${feedback.followUpTicketId} = ${tickets.id}`)),
      ),
    )
    .orderBy(tickets.id)
    .limit(window.limit);
}

/**
 * Takes on posting a missing card: the ticket, for exactly one caller across replicas, while its card is still
 * missing and nobody took it on within `leaseMs` (a poster that died leaves it to the next run after that).
 */
export async function claimUnannounced(
  db: DbOrTx,
  id: number,
  now: Date,
  leaseMs: number,
): Promise<Ticket | undefined> {
  const [claimed] = await db
    .update(tickets)
    .set({ queueCardClaimedAt: now })
    .where(
      and(
        eq(tickets.id, id),
        isNull(tickets.queueMessage),
        or(isNull(tickets.queueCardClaimedAt), lt(tickets.queueCardClaimedAt, new Date(now.getTime() - leaseMs))),
      ),
    )
    .returning();
  return claimed;
}
