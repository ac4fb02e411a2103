import type { DeskContext } from '../desk-context.ts';
import { toRequesterNoticeMessage, toTicketStatusMessage } from '../messages/ticket-view.ts';
import { toAddress } from '../outbox.ts';
import type { Ticket } from './open-ticket.ts';
import { postQueueCard, refreshQueueCard } from './queue-card.ts';
import { refreshStatusMessage } from './status-message.ts';
import type { Actor, RequesterNotice, Transition } from './ticket.ts';

/**
 * After a change is safely stored: the requester hears about it where they asked (never about internal
 * notes), and the queues show the ticket as it is now. Failures here are logged; the change stands.
 */
export async function notifyTicketChange(
  ctx: DeskContext,
  ticket: Ticket,
  before: Ticket,
  change: Extract<Transition, { ok: true }>,
  actor: Actor,
): Promise<void> {
  if (change.notice) await tellRequester(ctx, ticket, change.notice, actor);
  if (change.requeue) {
    // The old tier's card now says where the ticket went; the new tier gets a card of its own.
    await refreshQueueCard(ctx, ticket, before.queueMessage);
    await postQueueCard(ctx, ticket);
  } else {
    await refreshQueueCard(ctx, ticket);
  }
}

async function tellRequester(ctx: DeskContext, ticket: Ticket, notice: RequesterNotice, actor: Actor): Promise<void> {
  const edited = await refreshStatusMessage(ctx, ticket);
  const message =
    notice.kind === 'status'
      ? edited
        ? undefined
        : toTicketStatusMessage(ticket)
      : toRequesterNoticeMessage(ticket, notice, actor.name);
  if (!message) return;
  const outbox = ctx.outboxes[ticket.origin.platform];
  if (!outbox) {
    ctx.log.warn('requester platform is not connected; update not delivered', {
      ticket: ticket.id,
      platform: ticket.origin.platform,
    });
    return;
  }
  try {
    await outbox.post(toAddress(ticket.origin), message);
  } catch (err) {
    ctx.log.error('could not tell the requester about a ticket change', { ticket: ticket.id, err });
  }
}
