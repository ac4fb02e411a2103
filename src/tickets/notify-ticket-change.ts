import type { DeskContext } from '../desk-context.ts';
import { toRequesterNoticeMessage, toTicketStatusMessage } from '../messages/ticket-view.ts';
import type { Ticket } from '../model/ticket.ts';
import { postQueueCard, refreshQueueCard } from './queue-card.ts';
import type { QueueTrouble } from './queue-trouble.ts';
import { refreshStatusMessage } from './status-message.ts';
import type { Actor, RequesterNotice, Transition } from './ticket-change.ts';

/**
 * After a change is safely stored: the requester hears about it where they asked (never about internal
 * notes), and the queues show the ticket as it is now. What cannot be delivered is logged by Delivery; the
 * change stands. Returns the trouble when the new tier's queue could not get its card because the bot is
 * not there, for the reply of whoever made the change.
 */
export async function notifyTicketChange(
  ctx: DeskContext,
  ticket: Ticket,
  before: Ticket,
  change: Extract<Transition, { ok: true }>,
  actor: Actor,
): Promise<QueueTrouble | undefined> {
  if (change.notice) await tellRequester(ctx, ticket, change.notice, actor);
  if (change.requeue) {
    // The old tier's card now says where the ticket went; the new tier gets a card of its own.
    await refreshQueueCard(ctx, ticket, before.queueMessage);
    return postQueueCard(ctx, ticket, { id: actor.id, role: actor.role });
  }
  await refreshQueueCard(ctx, ticket);
  return undefined;
}

async function tellRequester(ctx: DeskContext, ticket: Ticket, notice: RequesterNotice, actor: Actor): Promise<void> {
  const edited = await refreshStatusMessage(ctx, ticket);
  if (notice.kind === 'status' && edited) return;
  const message =
    notice.kind === 'status' ? toTicketStatusMessage(ticket) : toRequesterNoticeMessage(ticket, notice, actor.name);
  await ctx.delivery.toPlace(ticket.origin, message, 'requester notice', { ticket: ticket.id });
}
