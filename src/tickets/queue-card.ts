import { and, desc, eq } from 'drizzle-orm';
import type { DeskContext } from '../desk-context.ts';
import { toQueueCardMessage } from '../messages/ticket-view.ts';
import { type Posted, splitPlace } from '../outbox.ts';
import { ticketEvents, tickets } from '../store/schema.ts';
import type { Ticket } from './open-ticket.ts';
import { queueFor } from './queue-places.ts';
import { ticketPeopleNames } from './ticket-queries.ts';

async function cardFor(ctx: DeskContext, ticket: Ticket) {
  const who = await ticketPeopleNames(ctx.db, ticket);
  // The next tier sees why the ticket came to them: the reason given when it was escalated.
  const [handoff] = await ctx.db
    .select({ reason: ticketEvents.reason, from: ticketEvents.fromValue })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.kind, 'escalated')))
    .orderBy(desc(ticketEvents.id))
    .limit(1);
  return toQueueCardMessage(ticket, {
    ...who,
    ...(handoff?.reason ? { handoff: { from: handoff.from ?? '', reason: handoff.reason } } : {}),
  });
}

/** Posts the ticket's card to its tier's queue and remembers it, so later changes edit that card. */
export async function postQueueCard(ctx: DeskContext, ticket: Ticket): Promise<void> {
  const queue = await queueFor(ctx, ticket.tier);
  if (!queue) {
    ctx.log.warn('no queue configured for this tier; ticket not announced', { ticket: ticket.id, tier: ticket.tier });
    return;
  }
  const { platform, address } = splitPlace(queue);
  const outbox = ctx.outboxes[platform];
  if (!outbox) {
    ctx.log.warn('queue platform is not connected; ticket not announced', { ticket: ticket.id, queue });
    return;
  }
  try {
    const posted = await outbox.post(address, await cardFor(ctx, ticket));
    await ctx.db.update(tickets).set({ queueMessage: posted }).where(eq(tickets.id, ticket.id));
  } catch (err) {
    ctx.log.error('queue announcement failed', { ticket: ticket.id, queue, err });
  }
}

/** Edits the ticket's queue card to show it as it is now; a card that cannot be edited is logged. */
export async function refreshQueueCard(ctx: DeskContext, ticket: Ticket, card?: Posted | null): Promise<void> {
  const posted = card ?? ticket.queueMessage;
  const outbox = posted ? ctx.outboxes[posted.platform] : undefined;
  if (!posted || !outbox) return;
  try {
    await outbox.update(posted, await cardFor(ctx, ticket));
  } catch (err) {
    ctx.log.warn('could not edit a queue card', { ticket: ticket.id, err });
  }
}
