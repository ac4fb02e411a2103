import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import type { Ticket } from '../model/ticket.ts';
import { findPersonById, listLeads } from '../store/people.ts';
import { queueFor } from '../tickets/queues.ts';

/**
 * Where the monitor's warnings go: the tier's queue (Tier 1's when the tier has none, so an alert is never
 * only logged), the assignee, and at the top tier the leads. Delivery logs what could not go out.
 */
export async function alertQueue(ctx: DeskContext, ticket: Ticket, tier: Ticket['tier'], message: Message) {
  const queue = (await queueFor(ctx, tier)) ?? ctx.queues.tier1;
  await ctx.delivery.toPlace(queue, message, 'sla alert', { ticket: ticket.id });
}

export async function alertAssignee(ctx: DeskContext, ticket: Ticket, message: Message) {
  if (ticket.assigneeId === null) return;
  const assignee = await findPersonById(ctx.db, ticket.assigneeId);
  if (assignee) await ctx.delivery.toPerson(assignee, message, 'sla alert', { ticket: ticket.id });
}

export async function pageLeads(ctx: DeskContext, ticket: Ticket, message: Message) {
  for (const lead of await listLeads(ctx.db)) {
    await ctx.delivery.toPerson(lead, message, 'sla page', { ticket: ticket.id });
  }
}
