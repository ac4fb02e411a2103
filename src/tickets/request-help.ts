import type { DeskContext } from '../desk-context.ts';
import { cutText } from '../messages/cut-text.ts';
import type { PlaceRef } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import type { Priority } from '../model/priorities.ts';
import { maxSubjectLength, type Ticket } from '../model/ticket.ts';
import { slaClock } from '../sla/ticket-clock.ts';
import { insertTicket } from '../store/tickets.ts';
import { postQueueCard } from './queue-card.ts';
import type { QueueTrouble } from './queue-trouble.ts';

export interface HelpRequest {
  subject: string;
  description: string;
  priority?: Priority;
  origin: PlaceRef;
  sourceInteractionId?: string;
  /** Where its card goes when not the Tier 1 queue (`platform:address`). */
  queue?: string;
}

/**
 * Opens a ticket for a person and announces it to the Tier 1 queue. `trouble` says the queue could not be
 * posted in because the bot is not there: the person's reply should say so (`withQueueTrouble`).
 */
export async function requestHelp(
  ctx: DeskContext,
  person: Person,
  request: HelpRequest,
): Promise<{ ticket: Ticket; created: boolean; trouble?: QueueTrouble }> {
  const at = ctx.clock.now();
  const result = await insertTicket(ctx.db, {
    requesterId: person.id,
    subject: cutText(request.subject.replace(/\s+/g, ' ').trim(), maxSubjectLength),
    description: request.description,
    ...(request.priority ? { priority: request.priority } : {}),
    origin: request.origin,
    ...(request.sourceInteractionId ? { sourceInteractionId: request.sourceInteractionId } : {}),
    at,
    ...slaClock(ctx.sla, request.priority ?? 'P3', at),
  });
  if (result.created) {
    ctx.log.info('ticket opened', { ticket: result.ticket.id, requester: person.id });
    const trouble = await postQueueCard(ctx, result.ticket, person, request.queue);
    if (trouble) return { ...result, trouble };
  }
  return result;
}
