import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DeskContext } from '../desk-context.ts';
import type { PlaceRef } from '../inbound.ts';
import { copy } from '../messages/copy.ts';
import type { Message } from '../messages/message.ts';
import { toHistoryMessage } from '../messages/ticket-view.ts';
import { findPerson, type Person } from '../store/people.ts';
import { people, slaBreaches, ticketEvents } from '../store/schema.ts';
import { type ChangeResult, changeTicket, toActor } from '../tickets/change-ticket.ts';
import type { Change, Tier } from '../tickets/ticket.ts';
import { isStaff } from '../tickets/ticket.ts';
import { findTicket } from '../tickets/ticket-queries.ts';
import { toTicketRef } from '../tickets/ticket-ref.ts';
import { formatDuration, timePerTier } from '../tickets/time-per-tier.ts';
import type { TicketCommand } from './parse-command.ts';
import { parsePerson } from './parse-person.ts';

/** Commands that act on one ticket, from the help desk or (reply, reopen, history) from its requester. */
export async function runTicketCommand(
  ctx: DeskContext,
  person: Person,
  place: PlaceRef,
  command: TicketCommand,
): Promise<Message> {
  const ref = toTicketRef(command.ticketId);
  if (command.name === 'history') return showHistory(ctx, person, command.ticketId);
  if (command.name === 'capa') return recordCapa(ctx, person, place, command.ticketId, command.text);
  const change = await toChange(ctx, person, command);
  if ('text' in change && !('kind' in change)) return change;
  const result = await changeTicket(ctx, person, command.ticketId, change, place.platform);
  return { text: describeResult(result, change, ref) };
}

async function toChange(
  ctx: DeskContext,
  person: Person,
  command: Exclude<TicketCommand, { name: 'history' | 'capa' }>,
): Promise<Change | Message> {
  switch (command.name) {
    case 'claim':
      return { kind: 'claim' };
    case 'assign': {
      const ref = parsePerson(command.person, person);
      const to = ref ? await findPerson(ctx.db, ref) : undefined;
      if (!to) return { text: copy.personNotFound(command.person) };
      return { kind: 'assign', to: toActor(to) };
    }
    case 'escalate':
      return { kind: 'escalate', reason: command.reason, ...(command.tier ? { to: command.tier } : {}) };
    case 'deescalate':
      return { kind: 'deescalate', ...(command.reason ? { reason: command.reason } : {}) };
    case 'wait':
      return { kind: 'wait', question: command.question };
    case 'reply': {
      // The requester answering the help desk, or the help desk writing to the requester.
      const ticket = await findTicket(ctx.db, command.ticketId);
      return ticket?.requesterId === person.id
        ? { kind: 'requester_reply', text: command.text }
        : { kind: 'reply', text: command.text };
    }
    case 'resolve':
      return { kind: 'resolve', resolution: command.resolution };
    case 'reopen':
      return { kind: 'reopen', ...(command.reason ? { reason: command.reason } : {}) };
    case 'note':
      return { kind: 'note', text: command.text };
    case 'priority':
      return { kind: 'priority', to: command.priority };
    case 'vendor':
      return { kind: 'vendor', vendor: command.vendor, ref: command.ref };
    case 'archive':
      return { kind: 'archive' };
  }
}

function describeResult(result: ChangeResult, change: Change, ref: string): string {
  if (!result.ok) return copy.refusal(result.refusal, ref);
  const t = result.ticket;
  switch (change.kind) {
    case 'claim':
      return `${ref} is yours now. The requester sees it is being worked on.`;
    case 'assign':
      return `${ref} is assigned to ${change.to.name}.`;
    case 'escalate':
    case 'deescalate':
      return `${ref} moved to ${t.tier === 'vendor' ? 'the vendor tier' : t.tier.replace('tier', 'Tier ')}, with your note as the handoff. It waits in that queue.`;
    case 'wait':
      return `I've asked the requester on ${ref}. The SLA clock is paused until they answer.`;
    case 'requester_reply':
      return `Thanks, your answer is on ${ref}. The help desk will pick it up.`;
    case 'reply':
      return `Your reply on ${ref} was sent to the requester.`;
    case 'resolve':
      return `${ref} is resolved and the requester has been told how.`;
    case 'reopen':
      return `${ref} is open again.`;
    case 'close':
      return `${ref} is closed.`;
    case 'note':
      return `Note added to ${ref}. Only the help desk sees it.`;
    case 'priority':
      return `${ref} is now ${t.priority}.`;
    case 'vendor':
      return `${ref} is with ${change.vendor} (case ${change.ref}).`;
    case 'archive':
      return `${ref} is archived: hidden from lists, kept in full.`;
  }
}

async function showHistory(ctx: DeskContext, person: Person, ticketId: number): Promise<Message> {
  const ref = toTicketRef(ticketId);
  const ticket = await findTicket(ctx.db, ticketId);
  const staff = isStaff(toActor(person));
  if (!ticket || (!staff && ticket.requesterId !== person.id))
    return { text: copy.refusal({ code: 'not_found' }, ref) };
  const rows = await ctx.db
    .select({ event: ticketEvents, who: people.displayName })
    .from(ticketEvents)
    .leftJoin(people, eq(people.id, ticketEvents.actorId))
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.id));
  // Internal notes are for the help desk only.
  const visible = rows.filter((r) => staff || r.event.kind !== 'note');
  const hops = rows
    .filter((r) => ['escalated', 'deescalated', 'vendor'].includes(r.event.kind) && r.event.toValue)
    .map((r) => ({ at: r.event.at, to: r.event.toValue as Tier }));
  const end = ticket.resolvedAt ?? ctx.clock.now();
  const spent = Object.entries(timePerTier(ticket.createdAt, hops, end)).map(
    ([tier, ms]) => `${tier} ${formatDuration(ms)}`,
  );
  return toHistoryMessage(
    ticket,
    visible.map((r) => ({
      at: r.event.at,
      who: r.who ?? 'Tierdesk',
      kind: r.event.kind,
      from: r.event.fromValue,
      to: r.event.toValue,
      reason: r.event.reason,
    })),
    spent.join(' · '),
  );
}

/** Writes up every SLA breach of the ticket that has no corrective/preventive action recorded yet. */
async function recordCapa(
  ctx: DeskContext,
  person: Person,
  place: PlaceRef,
  ticketId: number,
  text: string,
): Promise<Message> {
  const ref = toTicketRef(ticketId);
  if (!isStaff(toActor(person))) {
    ctx.log.warn('capa refused', { person: person.id, ticket: ticketId });
    return { text: copy.refusal({ code: 'not_staff' }, ref) };
  }
  const now = ctx.clock.now();
  const updated = await ctx.db
    .update(slaBreaches)
    .set({ capa: text, capaBy: person.id, capaAt: now })
    .where(and(eq(slaBreaches.ticketId, ticketId), isNull(slaBreaches.capa)))
    .returning({ target: slaBreaches.target });
  if (updated.length === 0) return { text: `${ref} has no missed SLA waiting for a write-up.` };
  await ctx.db
    .insert(ticketEvents)
    .values({ ticketId, actorId: person.id, kind: 'capa', reason: text, platform: place.platform, at: now });
  return { text: `Recorded the CAPA for ${ref} (${updated.map((u) => u.target).join(' and ')} target).` };
}
