import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import { toRequesterUpdateMessage, withLead } from '../messages/notice-view.ts';
import { toRequesterNoticeMessage, toTicketStatusMessage } from '../messages/ticket-view.ts';
import type { Ticket } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import { appendTicketEvent } from '../store/ticket-events.ts';
import { postQueueCard, refreshQueueCard } from './queue-card.ts';
import type { QueueTrouble } from './queue-trouble.ts';
import { queueFor } from './queues.ts';
import { refreshStatusMessage } from './status-message.ts';
import { tellAssignees } from './tell-assignee.ts';
import type { Actor, RequesterNotice, Transition } from './ticket-change.ts';

/** The requester was not told of a change and will not be: the platform refused for good. */
export interface Unreached {
  platform: string;
  problem?: string;
}

/** What whoever made a change should hear about its messages. */
export interface ChangeNotices {
  /** The new tier's queue could not get its card because the bot is not there. */
  trouble?: QueueTrouble;
  unreached?: Unreached;
  /** The ticket moved to a tier that has no queue anywhere: nobody there was told. */
  noQueue?: Tier;
}

/**
 * After a change is safely stored: the requester hears about it where they asked (never about internal
 * notes), and the queues show the ticket as it is now. What cannot be delivered is logged by Delivery; the
 * change stands. A requester who cannot be reached (their chat with the bot blocked) is recorded in the
 * ticket's history and reported, so nobody is told they were informed when they were not.
 */
export async function notifyTicketChange(
  ctx: DeskContext,
  ticket: Ticket,
  before: Ticket,
  change: Extract<Transition, { ok: true }>,
  actor: Actor,
): Promise<ChangeNotices> {
  const unreached = change.notice ? await tellRequester(ctx, ticket, change.notice, actor) : undefined;
  const told = unreached ? { unreached } : {};
  await tellAssignees(ctx, ticket, before, change.events, actor);
  // What other features do about a change (a survey once it is resolved) comes after its own notices.
  const queues = await updateQueues(ctx, ticket, before, change, actor);
  await ctx.ticketChanged({ ticket, before, events: change.events });
  return { ...told, ...queues };
}

/** The queues show the ticket as it is now; a ticket that moved tier gets a card in its new queue. */
async function updateQueues(
  ctx: DeskContext,
  ticket: Ticket,
  before: Ticket,
  change: Extract<Transition, { ok: true }>,
  actor: Actor,
): Promise<Pick<ChangeNotices, 'trouble' | 'noQueue'>> {
  if (change.requeue) {
    // The old tier's card now says where the ticket went; the new tier gets a card of its own.
    await refreshQueueCard(ctx, ticket, before.queueMessage);
    const queue = await queueFor(ctx, ticket.tier);
    if (!queue) {
      ctx.log.warn('no queue for this tier; ticket not announced', { ticket: ticket.id, tier: ticket.tier });
      return { noQueue: ticket.tier };
    }
    // The queue just found: postQueueCard need not look it up again.
    const trouble = await postQueueCard(ctx, ticket, { id: actor.id, role: actor.role }, queue);
    return trouble ? { trouble } : {};
  }
  await refreshQueueCard(ctx, ticket);
  return {};
}

/**
 * A status change shows in the requester's status message when it can be edited, else as a new one. An edit
 * rings no bell, so being taken or moved on is also said in a message of its own.
 */
function toRequesterMessage(ticket: Ticket, notice: RequesterNotice, actor: Actor, edited: boolean): Message {
  if (notice.kind === 'status') return toTicketStatusMessage(ticket);
  if (notice.kind === 'claimed' || notice.kind === 'moved') {
    const update = toRequesterUpdateMessage(ticket, notice);
    return edited ? update : withLead(toTicketStatusMessage(ticket), update);
  }
  return toRequesterNoticeMessage(ticket, notice, actor.name);
}

async function tellRequester(
  ctx: DeskContext,
  ticket: Ticket,
  notice: RequesterNotice,
  actor: Actor,
): Promise<Unreached | undefined> {
  const edited = await refreshStatusMessage(ctx, ticket);
  if (notice.kind === 'status' && edited) return undefined;
  const message = toRequesterMessage(ticket, notice, actor, edited);
  const sent = await ctx.delivery.toPlace(ticket.origin, message, 'requester notice', { ticket: ticket.id });
  // Delivered, or kept to be tried again (it may still arrive): nothing to report.
  if (sent.ok || sent.queued) return undefined;
  const unreached = { platform: ticket.origin.platform, ...(sent.problem ? { problem: sent.problem } : {}) };
  await appendTicketEvent(
    ctx.db,
    ticket.id,
    { actorId: actor.id, platform: unreached.platform, at: ctx.clock.now() },
    {
      kind: 'requester_not_reached',
      reason: `${notice.kind} notice on ${unreached.platform}: ${sent.problem ?? 'failed'}`,
    },
  ).catch((err: unknown) => ctx.log.error('ticket history not written', { ticket: ticket.id, err }));
  return unreached;
}
