import { eq } from 'drizzle-orm';
import type { Db } from '../store/db.ts';
import { type PlaceRef, ticketEvents, tickets } from '../store/schema.ts';

export type Ticket = typeof tickets.$inferSelect;

export interface OpenTicket {
  requesterId: number;
  subject: string;
  description: string;
  priority?: Ticket['priority'];
  origin: PlaceRef;
  /** The question that led here; a second "talk to a human" on it returns the same ticket. */
  sourceInteractionId?: string;
  at: Date;
  responseDueAt?: Date | null;
  resolutionDueAt?: Date | null;
  responseWarnAt?: Date | null;
  resolutionWarnAt?: Date | null;
}

/** Opens a ticket and its first audit event in one transaction. `created` is false for a repeat. */
export async function openTicket(db: Db, input: OpenTicket): Promise<{ ticket: Ticket; created: boolean }> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(tickets)
      .values({
        requesterId: input.requesterId,
        subject: input.subject,
        description: input.description,
        priority: input.priority ?? 'P3',
        origin: input.origin,
        sourceInteractionId: input.sourceInteractionId,
        responseDueAt: input.responseDueAt,
        resolutionDueAt: input.resolutionDueAt,
        responseWarnAt: input.responseWarnAt,
        resolutionWarnAt: input.resolutionWarnAt,
        createdAt: input.at,
        updatedAt: input.at,
      })
      .onConflictDoNothing({ target: tickets.sourceInteractionId })
      .returning();
    if (created) {
      await tx.insert(ticketEvents).values({
        ticketId: created.id,
        actorId: input.requesterId,
        kind: 'opened',
        toValue: created.status,
        platform: input.origin.platform,
        at: input.at,
      });
      return { ticket: created, created: true };
    }
    const source = input.sourceInteractionId;
    const [existing] = source ? await tx.select().from(tickets).where(eq(tickets.sourceInteractionId, source)) : [];
    if (!existing) throw new Error('ticket insert conflicted but no existing ticket was found');
    return { ticket: existing, created: false };
  });
}
