import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PlaceRef } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import { openStatuses, type Ticket } from '../model/ticket.ts';
import type { DbOrTx } from './db.ts';
import { findPersonById } from './people.ts';
import { listWaiting, type WaitingRow } from './queue-waiting.ts';
import { tickets } from './schema.ts';

/** A requester's tickets, newest first; archived ones are hidden, never gone. */
export async function listRequesterTickets(
  db: DbOrTx,
  requesterId: number,
  options: { openOnly: boolean; limit: number },
): Promise<Ticket[]> {
  const filters = [eq(tickets.requesterId, requesterId), isNull(tickets.archivedAt)];
  if (options.openOnly) filters.push(inArray(tickets.status, [...openStatuses]));
  return db
    .select()
    .from(tickets)
    .where(and(...filters))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(options.limit);
}

/** What a requester's home shows: open tickets, and those resolved or closed since `since`. */
export async function listHomeTickets(db: DbOrTx, requesterId: number, since: Date): Promise<Ticket[]> {
  const recent = await listRequesterTickets(db, requesterId, { openOnly: false, limit: 50 });
  return recent.filter(
    (t) => (openStatuses as readonly string[]).includes(t.status) || (t.resolvedAt ?? t.updatedAt) >= since,
  );
}

/** The requester's ticket that is waiting on them in exactly this thread, if any. */
export async function findWaitingTicketInThread(
  db: DbOrTx,
  requesterId: number,
  place: PlaceRef,
): Promise<Ticket | undefined> {
  const [row] = await db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.requesterId, requesterId),
        eq(tickets.status, 'waiting'),
        sql`${tickets.origin}->>'channel' = ${place.channel}`,
        sql`${tickets.origin}->>'thread' = ${place.thread ?? ''}`,
      ),
    )
    .orderBy(desc(tickets.id))
    .limit(1);
  return row;
}

/**
 * A help-desk member's work: open tickets assigned to them, and what waits unclaimed in their tier (every
 * tier for leads), in the order the queue lists it (takeNextOrder).
 */
export async function listStaffWork(
  db: DbOrTx,
  staff: Pick<Person, 'id' | 'role' | 'tier'>,
  limit: number,
): Promise<{ assigned: Ticket[]; unclaimed: WaitingRow[] }> {
  const open = inArray(tickets.status, [...openStatuses]);
  const assigned = await db
    .select()
    .from(tickets)
    .where(and(open, eq(tickets.assigneeId, staff.id), isNull(tickets.archivedAt)))
    .orderBy(desc(tickets.createdAt))
    .limit(limit);
  const tier = staff.role === 'agent' && staff.tier ? staff.tier : undefined;
  const { waiting } = await listWaiting(db, tier, limit);
  return { assigned, unclaimed: waiting };
}

/** The ticket whose queue card was posted as `cardId` on `platform` (the root of a queue thread), if any. */
export async function findTicketByQueueCard(db: DbOrTx, platform: string, cardId: string): Promise<Ticket | undefined> {
  const [row] = await db
    .select()
    .from(tickets)
    .where(
      and(sql`${tickets.queueMessage}->>'platform' = ${platform}`, sql`${tickets.queueMessage}->>'id' = ${cardId}`),
    )
    .limit(1);
  return row;
}

/** The names shown with a ticket: who asked, and who holds it (if anyone). */
export async function ticketPeopleNames(db: DbOrTx, ticket: Ticket): Promise<{ requester: string; assignee?: string }> {
  const requester = await findPersonById(db, ticket.requesterId);
  const assignee = ticket.assigneeId === null ? undefined : await findPersonById(db, ticket.assigneeId);
  return { requester: requester?.displayName ?? 'someone', ...(assignee ? { assignee: assignee.displayName } : {}) };
}
