import type { RememberSpec } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import { toQueueCardMessage } from '../messages/ticket-view.ts';
import type { Posted } from '../model/identity.ts';
import { type Ticket, toTicketRef } from '../model/ticket.ts';
import { isTier, type Tier } from '../model/tiers.ts';
import { botNotInPlace } from '../outbox.ts';
import { lastHandoff } from '../store/ticket-events.ts';
import { ticketPeopleNames } from '../store/ticket-lists.ts';
import { findTicket, setQueueMessage } from '../store/tickets.ts';
import { followUpNote } from './follow-up-note.ts';
import { queueCardButtons } from './queue-card-buttons.ts';
import { type QueueActor, type QueueTrouble, tellAdmins } from './queue-trouble.ts';
import { queueFor } from './queues.ts';

async function cardFor(ctx: DeskContext, ticket: Ticket) {
  const who = await ticketPeopleNames(ctx.db, ticket);
  // The next tier sees why the ticket came to them: the reason given when it was escalated.
  const handoff = await lastHandoff(ctx.db, ticket.id);
  // A follow-up of feedback says so, and whose it is to pick up, wherever its card is read.
  const followUp = await followUpNote(ctx, ticket.id);
  const about = { ...who, ...(handoff ? { handoff } : {}), ...(followUp ? { followUp } : {}) };
  return toQueueCardMessage(ticket, about, queueCardButtons(ticket));
}

/** A card remembers which ticket it shows, in which tier's queue, as of which version of the ticket. */
const cardKey = (t: Ticket) => `queue-card:${t.id}:${t.tier}:${t.version}`;

/**
 * Posts the ticket's card to its tier's queue. Where it went is kept when it goes, now or when the outbox
 * job gets it there, so later changes edit that card. When the bot is not in the queue's place, the admins
 * are told and the trouble is returned, for the reply of the person acting (`actor`, when a person is).
 */
export async function postQueueCard(
  ctx: DeskContext,
  ticket: Ticket,
  actor?: QueueActor,
  /** Another place than the tier's queue (feedback follow-ups go to their own). */
  place?: string,
): Promise<QueueTrouble | undefined> {
  const queue = place ?? (await queueFor(ctx, ticket.tier));
  if (!queue) {
    ctx.log.warn('no queue configured for this tier; ticket not announced', { ticket: ticket.id, tier: ticket.tier });
    return undefined;
  }
  const card = { ...(await cardFor(ctx, ticket)), remember: cardKey(ticket) };
  const sent = await ctx.delivery.toPlace(queue, card, 'queue card', { ticket: ticket.id });
  if (sent.ok || !botNotInPlace(sent.problem)) return undefined;
  const trouble = { ticketRef: toTicketRef(ticket.id), tier: ticket.tier, queue, problem: sent.problem };
  return { ...trouble, adminsTold: await tellAdmins(ctx, trouble, actor) };
}

/** Edits the ticket's queue card (or an older one, `card`) to show the ticket as it is now. */
export async function refreshQueueCard(ctx: DeskContext, ticket: Ticket, card?: Posted | null): Promise<void> {
  const posted = card ?? ticket.queueMessage;
  if (posted) await ctx.delivery.update(posted, await cardFor(ctx, ticket), 'queue card', { ticket: ticket.id });
}

/**
 * Where a queue card went. Still the ticket's tier: it is the card later changes edit. Posted late (the
 * outbox retried it) after the ticket changed or moved on: it is edited at once to show the ticket as it is.
 */
export const queueCards: RememberSpec = {
  prefix: 'queue-card',
  async run(ctx, key, posted) {
    const match = /^queue-card:(\d{1,9}):([a-z0-9]+):(\d{1,9})$/.exec(key);
    const tier = match?.[2];
    const ticket = match ? await findTicket(ctx.db, Number(match[1])) : undefined;
    if (!ticket || !tier || !isTier(tier)) return ctx.log.warn('unknown message key reported', { remember: key });
    if (ticket.tier === (tier satisfies Tier)) await setQueueMessage(ctx.db, ticket.id, posted);
    if (ticket.version !== Number(match?.[3])) await refreshQueueCard(ctx, ticket, posted);
  },
};
