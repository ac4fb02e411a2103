import { currentDelivery } from '../delivery-scope.ts';
import type { DeskContext } from '../desk-context.ts';
import { cutText } from '../messages/cut-text.ts';
import type { PlaceRef } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import type { Priority } from '../model/priorities.ts';
import { maxSubjectLength, type Ticket } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import { slaClock } from '../sla/ticket-clock.ts';
import { insertTicket } from '../store/tickets.ts';
import { postQueueCard } from './queue-card.ts';
import type { QueueTrouble } from './queue-trouble.ts';

export interface HelpRequest {
  subject: string;
  description: string;
  priority?: Priority;
  /** The tier it opens at; unset, Tier 1. */
  tier?: Tier;
  origin: PlaceRef;
  sourceInteractionId?: string;
  /** Where its card goes when not its tier's queue (`platform:address`). */
  queue?: string;
  /** Runs once the ticket exists, before its card is posted (a follow-up links its feedback, for the card). */
  beforeAnnounce?: (ticket: Ticket) => Promise<void>;
}

const openedBy = () => {
  const delivery = currentDelivery();
  return delivery ? { openedByDelivery: delivery } : {};
};

/**
 * Opens a ticket for a person and announces it to its tier's queue (Tier 1's, unless `tier` says otherwise). `trouble` says the queue could not be
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
    ...(request.tier ? { tier: request.tier } : {}),
    origin: request.origin,
    ...(request.sourceInteractionId ? { sourceInteractionId: request.sourceInteractionId } : {}),
    ...openedBy(),
    at,
    ...slaClock(ctx.sla, request.priority ?? 'P3', at),
  });
  if (result.created) {
    ctx.log.info('ticket opened', { ticket: result.ticket.id, requester: person.id });
    await request.beforeAnnounce?.(result.ticket);
    try {
      const trouble = await postQueueCard(ctx, result.ticket, person, request.queue);
      if (trouble) return { ...result, trouble };
    } catch (err) {
      // The ticket is stored and the person will be told so: failing the event now would have their retry
      // open it twice. The missed-queue-cards job posts the card once the database answers again.
      ctx.log.error('queue card not posted; the missed-queue-cards job will', { ticket: result.ticket.id, err });
    }
  }
  return result;
}
