import type { DeskContext } from '../desk-context.ts';
import { toQueueCardMessage } from '../messages/ticket-view.ts';
import type { Posted } from '../model/identity.ts';
import type { Ticket } from '../model/ticket.ts';
import { lastHandoff } from '../store/ticket-events.ts';
import { ticketPeopleNames } from '../store/ticket-lists.ts';
import { setQueueMessage } from '../store/tickets.ts';
import { queueCardButtons } from './queue-card-buttons.ts';
import { queueFor } from './queues.ts';

async function cardFor(ctx: DeskContext, ticket: Ticket) {
  const who = await ticketPeopleNames(ctx.db, ticket);
  // The next tier sees why the ticket came to them: the reason given when it was escalated.
  const handoff = await lastHandoff(ctx.db, ticket.id);
  return toQueueCardMessage(ticket, { ...who, ...(handoff ? { handoff } : {}) }, queueCardButtons(ticket));
}

/** Posts the ticket's card to its tier's queue and remembers it, so later changes edit that card. */
export async function postQueueCard(ctx: DeskContext, ticket: Ticket): Promise<void> {
  const queue = await queueFor(ctx, ticket.tier);
  if (!queue) {
    ctx.log.warn('no queue configured for this tier; ticket not announced', { ticket: ticket.id, tier: ticket.tier });
    return;
  }
  const sent = await ctx.delivery.toPlace(queue, await cardFor(ctx, ticket), 'queue card', { ticket: ticket.id });
  if (sent.ok && sent.posted) await setQueueMessage(ctx.db, ticket.id, sent.posted);
}

/** Edits the ticket's queue card (or an older one, `card`) to show the ticket as it is now. */
export async function refreshQueueCard(ctx: DeskContext, ticket: Ticket, card?: Posted | null): Promise<void> {
  const posted = card ?? ticket.queueMessage;
  if (posted) await ctx.delivery.update(posted, await cardFor(ctx, ticket), 'queue card', { ticket: ticket.id });
}
