import { maxSubjectLength } from '../commands/parse-command.ts';
import type { DeskContext } from '../desk-context.ts';
import type { PlaceRef } from '../inbound.ts';
import { slaClock } from '../sla/ticket-clock.ts';
import type { Person } from '../store/people.ts';
import { openTicket, type Ticket } from './open-ticket.ts';
import { postQueueCard } from './queue-card.ts';

export interface HelpRequest {
  subject: string;
  description: string;
  priority?: Ticket['priority'];
  origin: PlaceRef;
  sourceInteractionId?: string;
}

/** Opens a ticket for a person and announces it to the Tier 1 queue. */
export async function requestHelp(
  ctx: DeskContext,
  person: Person,
  request: HelpRequest,
): Promise<{ ticket: Ticket; created: boolean }> {
  const at = ctx.clock.now();
  const result = await openTicket(ctx.db, {
    requesterId: person.id,
    subject: toSubject(request.subject),
    description: request.description,
    ...(request.priority ? { priority: request.priority } : {}),
    origin: request.origin,
    ...(request.sourceInteractionId ? { sourceInteractionId: request.sourceInteractionId } : {}),
    at,
    ...slaClock(ctx.sla, request.priority ?? 'P3', at),
  });
  if (result.created) {
    ctx.log.info('ticket opened', { ticket: result.ticket.id, requester: person.id });
    await postQueueCard(ctx, result.ticket);
  }
  return result;
}

function toSubject(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= maxSubjectLength ? line : `${line.slice(0, maxSubjectLength - 1)}…`;
}
