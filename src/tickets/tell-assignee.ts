import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import { type AssigneeNews, noticeCopy } from '../messages/notice-copy.ts';
import { literal, stripMarkdown } from '../messages/plain-text.ts';
import { type Ticket, toTicketRef } from '../model/ticket.ts';
import { findPersonById } from '../store/people.ts';
import { type Actor, type HistoryEvent, isTheDesk } from './ticket-change.ts';

/** What the change means to whoever held the ticket before it (`held`) or holds it now. */
function newsFor(event: HistoryEvent, before: Ticket, after: Ticket, held: boolean): AssigneeNews | undefined {
  const text = event.reason ?? '';
  switch (event.kind) {
    case 'requester_replied':
      return { kind: 'requester_replied', text, clockRuns: before.status === 'waiting' };
    case 'reopened':
      return after.assigneeId === null ? undefined : { kind: 'reopened', reason: event.reason };
    case 'assigned':
      return held ? { kind: 'given_away', to: event.to ?? 'someone else' } : { kind: 'assigned_to_you' };
    case 'escalated':
    case 'deescalated':
      return { kind: 'moved', tier: after.tier, reason: event.reason };
    case 'vendor':
      return { kind: 'vendor', vendor: after.vendorName ?? 'the vendor' };
    case 'priority':
      return { kind: 'priority', priority: after.priority };
    case 'resolved':
      return { kind: 'resolved', text };
    case 'waiting':
      return { kind: 'asked', text };
    case 'agent_replied':
      return { kind: 'replied', text };
    case 'note':
      return { kind: 'note', text };
    default:
      return undefined;
  }
}

/**
 * Whoever holds the ticket (or held it until this change) hears what someone else did to it, as a DM: the
 * requester's reply, a reopen, a change of hands, tier or priority, a note. What they did themselves, and
 * what the desk did on its own (SLA alerts say that already), they are not told.
 */
export async function tellAssignees(
  ctx: DeskContext,
  after: Ticket,
  before: Ticket,
  events: HistoryEvent[],
  actor: Actor,
): Promise<void> {
  const [event] = events;
  if (!event || isTheDesk(actor)) return;
  const holders = new Set([before.assigneeId, after.assigneeId]);
  const ref = toTicketRef(after.id);
  const ticket = `**${ref}** (${literal(after.subject)})`;
  for (const id of holders) {
    if (id === null || id === actor.id) continue;
    const news = newsFor(event, before, after, id === before.assigneeId && id !== after.assigneeId);
    const person = news ? await findPersonById(ctx.db, id) : undefined;
    if (!news || !person) continue;
    const text = noticeCopy.assignee(news, actor.name, ticket, ref);
    const message: Message = { text: stripMarkdown(text), blocks: [{ kind: 'text', text }] };
    await ctx.delivery.toPerson(person, message, 'assignee notice', { ticket: after.id });
  }
}
