import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { people, ticketEvents } from './schema.ts';

/** One row of a ticket's history: who (null: the desk itself), what, from → to, why, from which platform. */
export interface NewTicketEvent {
  kind: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
}

/**
 * The only writer of `ticket_events`, which is append-only (a trigger refuses updates and deletes): every
 * change to a ticket, by a person or by the desk, is recorded through here in one shape.
 */
export async function appendTicketEvent(
  db: DbOrTx,
  ticketId: number,
  by: { actorId: number | null; platform: string; at: Date },
  events: NewTicketEvent | readonly NewTicketEvent[],
): Promise<void> {
  const list = Array.isArray(events) ? events : [events as NewTicketEvent];
  if (list.length === 0) return;
  await db.insert(ticketEvents).values(
    list.map((e) => ({
      ticketId,
      actorId: by.actorId,
      kind: e.kind,
      fromValue: e.from ?? null,
      toValue: e.to ?? null,
      reason: e.reason ?? null,
      platform: by.platform,
      at: by.at,
    })),
  );
}

export interface TicketHistoryRow {
  at: Date;
  /** The person's name, or undefined for the desk itself. */
  who: string | undefined;
  kind: string;
  from: string | null;
  to: string | null;
  reason: string | null;
}

/** Every event of a ticket, oldest first, with the name of whoever caused it. */
export async function listTicketHistory(db: DbOrTx, ticketId: number): Promise<TicketHistoryRow[]> {
  const rows = await db
    .select({ event: ticketEvents, who: people.displayName })
    .from(ticketEvents)
    .leftJoin(people, eq(people.id, ticketEvents.actorId))
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.id));
  return rows.map((r) => ({
    at: r.event.at,
    who: r.who ?? undefined,
    kind: r.event.kind,
    from: r.event.fromValue,
    to: r.event.toValue,
    reason: r.event.reason,
  }));
}

/** Why the ticket came to its current tier: the reason given when it was last escalated. */
export async function lastHandoff(db: DbOrTx, ticketId: number): Promise<{ from: string; reason: string } | undefined> {
  const [handoff] = await db
    .select({ reason: ticketEvents.reason, from: ticketEvents.fromValue })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, 'escalated')))
    .orderBy(desc(ticketEvents.id))
    .limit(1);
  return handoff?.reason ? { from: handoff.from ?? '', reason: handoff.reason } : undefined;
}

/**
 * Resolutions and the conversation with the requester (the help desk's questions and replies, the
 * requester's answers), oldest first: what a write-up of the ticket draws on. Internal notes are not in it.
 */
export async function listAnswerEvents(
  db: DbOrTx,
  ticketId: number,
): Promise<{ kind: string; text: string | null; who: string | null }[]> {
  return db
    .select({ kind: ticketEvents.kind, text: ticketEvents.reason, who: people.displayName })
    .from(ticketEvents)
    .leftJoin(people, eq(people.id, ticketEvents.actorId))
    .where(
      and(
        eq(ticketEvents.ticketId, ticketId),
        inArray(ticketEvents.kind, ['resolved', 'agent_replied', 'waiting', 'requester_replied']),
      ),
    )
    .orderBy(asc(ticketEvents.id));
}
