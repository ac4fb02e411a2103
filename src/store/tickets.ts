import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { PlaceRef, Posted } from '../model/identity.ts';
import type { Priority } from '../model/priorities.ts';
import type { Ticket } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import type { DbOrTx, Tx } from './db.ts';
import { tickets } from './schema.ts';
import { appendTicketEvent, type NewTicketEvent } from './ticket-events.ts';

type TicketRow = typeof tickets.$inferSelect;
// The stored row is the model's ticket: this stops compiling the day the two drift apart.
const asTicket = (row: TicketRow): Ticket => row;

export interface NewTicket {
  requesterId: number;
  subject: string;
  description: string;
  priority?: Priority;
  /** Where it opens; unset, Tier 1 (a follow-up of feedback opens at the tier that resolved the original). */
  tier?: Tier;
  origin: PlaceRef;
  /** The question that led here; a second "talk to a human" on it returns the same ticket. */
  sourceInteractionId?: string;
  /** The delivery whose handling opens it: handling that delivery again returns the same ticket. */
  openedByDelivery?: string;
  at: Date;
  responseDueAt?: Date | null;
  resolutionDueAt?: Date | null;
  responseWarnAt?: Date | null;
  resolutionWarnAt?: Date | null;
}

/** Opens a ticket and its first history event in one transaction. `created` is false for a repeat. */
export async function insertTicket(db: DbOrTx, input: NewTicket): Promise<{ ticket: Ticket; created: boolean }> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(tickets)
      .values({
        requesterId: input.requesterId,
        subject: input.subject,
        description: input.description,
        priority: input.priority ?? 'P3',
        ...(input.tier ? { tier: input.tier } : {}),
        origin: input.origin,
        sourceInteractionId: input.sourceInteractionId,
        openedByDelivery: input.openedByDelivery,
        responseDueAt: input.responseDueAt,
        resolutionDueAt: input.resolutionDueAt,
        responseWarnAt: input.responseWarnAt,
        resolutionWarnAt: input.resolutionWarnAt,
        createdAt: input.at,
        updatedAt: input.at,
      })
      // Either unique key (the question, the delivery) means this ticket is already open.
      .onConflictDoNothing()
      .returning();
    if (created) {
      const by = { actorId: input.requesterId, platform: input.origin.platform, at: input.at };
      await appendTicketEvent(tx, created.id, by, { kind: 'opened', to: created.status });
      return { ticket: asTicket(created), created: true };
    }
    const [existing] = await tx
      .select()
      .from(tickets)
      .where(
        or(
          input.sourceInteractionId ? eq(tickets.sourceInteractionId, input.sourceInteractionId) : undefined,
          input.openedByDelivery ? eq(tickets.openedByDelivery, input.openedByDelivery) : undefined,
        ),
      )
      .limit(1);
    if (!existing) throw new Error('ticket insert conflicted but no existing ticket was found');
    return { ticket: existing, created: false };
  });
}

export async function findTicket(db: DbOrTx, id: number): Promise<Ticket | undefined> {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
  return row;
}

/** The fields a change may set; the version and the update time are the store's to keep. */
export type TicketChanges = Partial<Omit<Ticket, 'id' | 'version' | 'updatedAt' | 'createdAt'>>;

/**
 * Writes a decided change and its history, guarded by the version read: undefined when someone else changed
 * the ticket in between (nothing is written then). `actorId` null is the desk itself (the SLA monitor).
 */
export async function writeTicketChange(
  tx: Tx,
  row: Ticket,
  changes: TicketChanges,
  events: readonly NewTicketEvent[],
  by: { actorId: number | null; platform: string; at: Date },
): Promise<Ticket | undefined> {
  const [updated] = await tx
    .update(tickets)
    .set({ ...changes, updatedAt: by.at, version: sql`${tickets.version} + 1` })
    .where(and(eq(tickets.id, row.id), eq(tickets.version, row.version)))
    .returning();
  if (!updated) return undefined;
  await appendTicketEvent(tx, row.id, by, events);
  return updated;
}

/** The card now in the ticket's queue; later changes edit it. */
export async function setQueueMessage(db: DbOrTx, ticketId: number, posted: Posted): Promise<void> {
  await db.update(tickets).set({ queueMessage: posted }).where(eq(tickets.id, ticketId));
}

/** Remembers where a ticket's status message went; the first one posted stays the one that is edited. */
export async function keepStatusMessage(db: DbOrTx, ticketId: number, posted: Posted): Promise<void> {
  await db
    .update(tickets)
    .set({ statusMessage: posted })
    .where(and(eq(tickets.id, ticketId), isNull(tickets.statusMessage)));
}
