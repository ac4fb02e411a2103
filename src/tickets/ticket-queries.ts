import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../store/db.ts';
import { tickets } from '../store/schema.ts';
import type { Ticket } from './open-ticket.ts';

export const openStatuses = ['new', 'in_progress', 'waiting'] as const;

export async function findTicket(db: DbOrTx, id: number): Promise<Ticket | undefined> {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
  return row;
}

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
