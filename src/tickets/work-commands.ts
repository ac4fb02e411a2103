import { type CommandSpec, defineCommand } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import { withNote } from '../messages/deliveries-view.ts';
import type { Message } from '../messages/message.ts';
import { type ChangeDone, ticketCopy } from '../messages/ticket-copy.ts';
import { type PlaceRef, parsePerson } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import { isPriority, type Priority } from '../model/priorities.ts';
import { type Ticket, toTicketRef } from '../model/ticket.ts';
import { findPerson } from '../store/people.ts';
import { findTicket } from '../store/tickets.ts';
import { changeTicket, toActor } from './change-ticket.ts';
import { withQueueTrouble } from './queue-trouble.ts';
import { ticketArgs } from './ticket-args.ts';
import type { Change } from './ticket-change.ts';

/** Commands that change one ticket, from the help desk or (reply, reopen) from its requester. */
export type WorkCommand =
  | { name: 'claim'; ticketId: number }
  | { name: 'assign'; ticketId: number; person: string }
  | { name: 'escalate'; ticketId: number; tier?: 'tier2' | 'tier3' | 'vendor'; reason: string }
  | { name: 'deescalate'; ticketId: number; reason?: string }
  | { name: 'wait'; ticketId: number; question: string }
  | { name: 'reply'; ticketId: number; text: string }
  | { name: 'resolve'; ticketId: number; resolution: string }
  | { name: 'reopen'; ticketId: number; reason?: string }
  | { name: 'note'; ticketId: number; text: string }
  | { name: 'priority'; ticketId: number; priority: Priority }
  | { name: 'vendor'; ticketId: number; vendor: string; ref: string }
  | { name: 'archive'; ticketId: number };

type Name = WorkCommand['name'];
type Of<N extends Name> = Extract<WorkCommand, { name: N }>;

const tierWord: Record<string, 'tier2' | 'tier3' | 'vendor'> = {
  tier2: 'tier2',
  t2: 'tier2',
  '2': 'tier2',
  tier3: 'tier3',
  t3: 'tier3',
  '3': 'tier3',
  vendor: 'vendor',
};

/** A command that changes one ticket: `<name> T-n …`, the rest read by `read`. */
function ticketCommand<N extends Name>(
  name: N,
  usage: string,
  read: (ticketId: number, rest: string) => Of<N> | undefined,
  audience: 'everyone' | 'staff' = 'staff',
): CommandSpec<Of<N>> {
  return defineCommand<Of<N>>({
    name,
    usage,
    audience,
    refusal: { log: 'ticket change refused', text: {} },
    parse: ticketArgs(read),
    run: (ctx, person, place, command) => runWorkCommand(ctx, person, place, command),
  });
}

const bare =
  <N extends Name>(name: N) =>
  (ticketId: number, rest: string) =>
    rest === '' ? ({ name, ticketId } as Of<N>) : undefined;

export const workCommands = {
  reply: ticketCommand(
    'reply',
    '`reply T-n <text>` — answer the help desk on your ticket (help desk: write to the requester)',
    (ticketId, text) => (text ? { name: 'reply', ticketId, text } : undefined),
    'everyone',
  ),
  reopen: ticketCommand(
    'reopen',
    '`reopen T-n [why]` — reopen a resolved ticket',
    (ticketId, reason) => (reason ? { name: 'reopen', ticketId, reason } : { name: 'reopen', ticketId }),
    'everyone',
  ),
  claim: ticketCommand('claim', '`claim T-n` — take a ticket', bare('claim')),
  assign: ticketCommand(
    'assign',
    '`assign T-n @person` — give a ticket to someone on the help desk',
    (ticketId, who) => (/^\S+$/.test(who) ? { name: 'assign', ticketId, person: who } : undefined),
  ),
  escalate: ticketCommand(
    'escalate',
    '`escalate T-n [tier2|tier3|vendor] <reason>` — move a ticket up, with a handoff for the next tier',
    (ticketId, rest) => {
      const [maybeTier = '', ...more] = rest.split(/\s+/);
      const tier = tierWord[maybeTier.toLowerCase()];
      const reason = (tier ? more.join(' ') : rest).trim();
      if (reason === '') return undefined;
      return tier ? { name: 'escalate', ticketId, tier, reason } : { name: 'escalate', ticketId, reason };
    },
  ),
  deescalate: ticketCommand(
    'deescalate',
    '`deescalate T-n [reason]` — move a ticket down one tier',
    (ticketId, reason) => (reason ? { name: 'deescalate', ticketId, reason } : { name: 'deescalate', ticketId }),
  ),
  wait: ticketCommand(
    'wait',
    '`wait T-n <question>` — ask the requester; the SLA clock pauses until they answer',
    (ticketId, question) => (question ? { name: 'wait', ticketId, question } : undefined),
  ),
  resolve: ticketCommand(
    'resolve',
    '`resolve T-n <resolution>` — resolve a ticket and tell the requester how',
    (ticketId, resolution) => (resolution ? { name: 'resolve', ticketId, resolution } : undefined),
  ),
  note: ticketCommand('note', '`note T-n <text>` — an internal note, never shown to the requester', (ticketId, text) =>
    text ? { name: 'note', ticketId, text } : undefined,
  ),
  priority: ticketCommand('priority', '`priority T-n P1|P2|P3|P4` — change the priority', (ticketId, rest) => {
    const priority = rest.toUpperCase();
    return isPriority(priority) ? { name: 'priority', ticketId, priority } : undefined;
  }),
  vendor: ticketCommand(
    'vendor',
    '`vendor T-n <vendor> <case ref>` — hand a ticket to an external vendor',
    (ticketId, rest) => {
      const parts = rest.split(/\s+/);
      const ref = parts.pop();
      const vendor = parts.join(' ');
      return vendor && ref ? { name: 'vendor', ticketId, vendor, ref } : undefined;
    },
  ),
  archive: ticketCommand(
    'archive',
    '`archive T-n` — hide a closed ticket from lists (it is kept, never deleted)',
    bare('archive'),
  ),
};

async function toChange(ctx: DeskContext, person: Person, command: WorkCommand): Promise<Change | Message> {
  switch (command.name) {
    case 'claim':
      return { kind: 'claim' };
    case 'assign': {
      const ref = parsePerson(command.person, person);
      const to = ref ? await findPerson(ctx.db, ref) : undefined;
      if (!to) return { text: ticketCopy.personNotFound(command.person, person.platform) };
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

/** Applies the command's change and says what it did (or, politely, why not). */
export async function runWorkCommand(
  ctx: DeskContext,
  person: Person,
  place: PlaceRef,
  command: WorkCommand,
): Promise<Message> {
  const ref = toTicketRef(command.ticketId);
  const change = await toChange(ctx, person, command);
  if (!('kind' in change)) return change;
  const result = await changeTicket(ctx, person, command.ticketId, change, place.platform);
  if (!result.ok) return { text: ticketCopy.refusal(result.refusal, ref) };
  const { unreached, noQueue } = result;
  const done = { text: ticketCopy.done(doneChange(change, result.ticket, !noQueue), ref, !unreached) };
  const told = unreached
    ? withNote(done, ticketCopy.requesterNotReached(ref, unreached.platform, unreached.problem))
    : done;
  return withQueueTrouble(noQueue ? withNote(told, ticketCopy.noQueue(noQueue)) : told, result.trouble, person);
}

function doneChange(change: Change, t: Ticket, queued: boolean): ChangeDone {
  switch (change.kind) {
    case 'assign':
      return { kind: 'assign', to: change.to.name };
    case 'escalate':
    case 'deescalate':
      return { kind: change.kind, tier: t.tier, queued };
    case 'priority':
      return { kind: 'priority', priority: t.priority };
    case 'vendor':
      return { kind: 'vendor', vendor: change.vendor, ref: change.ref };
    default:
      return { kind: change.kind };
  }
}
