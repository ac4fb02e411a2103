import { z } from 'zod';
import { type SmallTalk, smallTalkOf } from './small-talk.ts';

export type StaffRole = 'tier1' | 'tier2' | 'tier3' | 'vendor' | 'lead' | 'admin';

/** Commands that act on one ticket, with what each needs. */
export type TicketCommand =
  | { name: 'claim'; ticketId: number }
  | { name: 'assign'; ticketId: number; person: string }
  | { name: 'escalate'; ticketId: number; tier?: 'tier2' | 'tier3' | 'vendor'; reason: string }
  | { name: 'deescalate'; ticketId: number; reason?: string }
  | { name: 'wait'; ticketId: number; question: string }
  | { name: 'reply'; ticketId: number; text: string }
  | { name: 'resolve'; ticketId: number; resolution: string }
  | { name: 'reopen'; ticketId: number; reason?: string }
  | { name: 'note'; ticketId: number; text: string }
  | { name: 'priority'; ticketId: number; priority: 'P1' | 'P2' | 'P3' | 'P4' }
  | { name: 'vendor'; ticketId: number; vendor: string; ref: string }
  | { name: 'history'; ticketId: number }
  | { name: 'capa'; ticketId: number; text: string }
  | { name: 'archive'; ticketId: number };

export type Command =
  | { name: 'help'; topic?: CommandName }
  | { name: 'ask'; question: string }
  | { name: 'ticket'; subject: string }
  | { name: 'status'; ticketId?: number }
  | { name: 'mine' }
  | TicketCommand
  | { name: 'staff'; action: 'add'; person: string; role: StaffRole }
  | { name: 'staff'; action: 'remove'; person: string }
  | { name: 'staff'; action: 'list' }
  | { name: 'queue'; action: 'set'; tier: 'tier1' | 'tier2' | 'tier3' | 'vendor'; place: string }
  | { name: 'queue'; action: 'list' }
  | { name: 'kb'; action: 'learned'; articleId?: string }
  | { name: 'kb'; action: 'forget'; id: number }
  | { name: 'kb'; action: 'draft'; ticketId: number }
  | { name: 'gaps'; top?: number; days?: number };

/** What everyone can do, then what the help desk can do; `help` lists them in this order. */
export const commandNames = ['help', 'ask', 'ticket', 'status', 'mine'] as const;
export const staffCommandNames = [
  'claim',
  'assign',
  'escalate',
  'deescalate',
  'wait',
  'reply',
  'resolve',
  'reopen',
  'note',
  'priority',
  'vendor',
  'history',
  'capa',
  'archive',
  'staff',
  'queue',
  'kb',
  'gaps',
] as const;
export type CommandName = (typeof commandNames)[number] | (typeof staffCommandNames)[number];

export type Parsed =
  | { kind: 'command'; command: Command }
  | { kind: 'question'; text: string }
  | { kind: 'small_talk'; what: SmallTalk }
  | { kind: 'usage'; name?: CommandName; problem: UsageProblem };

export type UsageProblem =
  | 'empty'
  | 'too_long'
  | 'unknown_command'
  | 'missing_argument'
  | 'bad_ticket_ref'
  | 'bad_arguments';

/** Longest text the desk reads; anything longer is refused politely rather than truncated silently. */
export const maxTextLength = 4000;
export const maxSubjectLength = 200;

/** "T–12" typed with an en dash (phones and word processors make one) or full-width "Ｔ－１２" is still T-12. */
const foldRef = (word: string) => word.normalize('NFKC').replace(/[\u2010-\u2015\u2212]/g, '-');

const ticketRef = z
  .string()
  .transform(foldRef)
  .pipe(z.string().regex(/^#?(?:t-?)?(\d{1,9})$/i))
  .transform((s) => Number(/\d+/.exec(s)?.[0]));

const isCommandName = (w: string): w is CommandName =>
  (commandNames as readonly string[]).includes(w) || (staffCommandNames as readonly string[]).includes(w);

const tierWord: Record<string, 'tier2' | 'tier3' | 'vendor'> = {
  tier2: 'tier2',
  t2: 'tier2',
  '2': 'tier2',
  tier3: 'tier3',
  t3: 'tier3',
  '3': 'tier3',
  vendor: 'vendor',
};
const staffRoles = ['tier1', 'tier2', 'tier3', 'vendor', 'lead', 'admin'] as const;

/** `T-n rest…` → the ticket number and the rest; undefined when the first word is not a ticket. */
function ticketAndRest(args: string): { ticketId: number; rest: string } | undefined {
  const [first = '', ...rest] = args.split(/\s+/);
  const ref = ticketRef.safeParse(first);
  return ref.success ? { ticketId: ref.data, rest: rest.join(' ').trim() } : undefined;
}

/** Parses a ticket command's arguments; undefined when they do not fit. */
function parseTicketCommand(name: TicketCommand['name'], args: string): TicketCommand | undefined {
  const t = ticketAndRest(args);
  if (!t) return undefined;
  const { ticketId, rest } = t;
  switch (name) {
    case 'claim':
    case 'history':
    case 'archive':
      return rest === '' ? { name, ticketId } : undefined;
    case 'assign':
      return /^\S+$/.test(rest) ? { name, ticketId, person: rest } : undefined;
    case 'escalate': {
      const [maybeTier = '', ...more] = rest.split(/\s+/);
      const tier = tierWord[maybeTier.toLowerCase()];
      const reason = (tier ? more.join(' ') : rest).trim();
      if (reason === '') return undefined;
      return tier ? { name, ticketId, tier, reason } : { name, ticketId, reason };
    }
    case 'deescalate':
    case 'reopen':
      return rest ? { name, ticketId, reason: rest } : { name, ticketId };
    case 'wait':
      return rest ? { name, ticketId, question: rest } : undefined;
    case 'reply':
    case 'note':
    case 'capa':
      return rest ? { name, ticketId, text: rest } : undefined;
    case 'resolve':
      return rest ? { name, ticketId, resolution: rest } : undefined;
    case 'priority': {
      const p = rest.toUpperCase();
      return p === 'P1' || p === 'P2' || p === 'P3' || p === 'P4' ? { name, ticketId, priority: p } : undefined;
    }
    case 'vendor': {
      const parts = rest.split(/\s+/);
      const ref = parts.pop();
      const vendor = parts.join(' ');
      return vendor && ref ? { name, ticketId, vendor, ref } : undefined;
    }
  }
}

function parseQueue(args: string): Command | undefined {
  const [action = '', tier = '', place = '', ...extra] = args.split(/\s+/);
  if (action === 'list' && !tier) return { name: 'queue', action: 'list' };
  const t = tier.toLowerCase();
  const known = t === 'tier1' || t === 'tier2' || t === 'tier3' || t === 'vendor';
  if (action === 'set' && known && /^[a-z]+:.+$/.test(place) && extra.length === 0)
    return { name: 'queue', action: 'set', tier: t, place };
  return undefined;
}

function parseKb(args: string): Command | undefined {
  const [action = '', arg = '', ...extra] = args.split(/\s+/);
  if (extra.length > 0) return undefined;
  if (action === 'learned')
    return arg ? { name: 'kb', action: 'learned', articleId: arg } : { name: 'kb', action: 'learned' };
  if (action === 'forget' && /^\d{1,9}$/.test(arg)) return { name: 'kb', action: 'forget', id: Number(arg) };
  const ref = ticketRef.safeParse(arg);
  if (action === 'draft' && ref.success) return { name: 'kb', action: 'draft', ticketId: ref.data };
  return undefined;
}

/** Most gap clusters `gaps` lists, and the longest window it looks back over. */
export const gapLimits = { top: 20, days: 90 } as const;
const gapsTop = z.coerce.number().int().min(1).max(gapLimits.top);
const gapsDays = z
  .string()
  .regex(/^\d{1,3}d$/i)
  .transform((s) => Number.parseInt(s, 10))
  .pipe(z.number().int().min(1).max(gapLimits.days));

/** `gaps`, `gaps 20`, `gaps 30d`, `gaps 20 30d`: how many clusters, over how many days. */
function parseGaps(args: string): Command | undefined {
  const command: Extract<Command, { name: 'gaps' }> = { name: 'gaps' };
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const days = gapsDays.safeParse(word);
    const top = /^\d+$/.test(word) ? gapsTop.safeParse(word) : undefined;
    if (days.success && command.days === undefined) command.days = days.data;
    else if (top?.success && command.top === undefined) command.top = top.data;
    else return undefined;
  }
  return command;
}

/** Commands with sub-actions, and the words that show typed text was meant as one of them. */
const withActions: Record<
  'kb' | 'queue' | 'staff',
  { parse: (args: string) => Command | undefined; actions?: RegExp }
> = {
  kb: { parse: (args) => parseKb(args), actions: /^(learned|forget|draft)\b/ },
  queue: { parse: (args) => parseQueue(args), actions: /^(set|list)\b/ },
  // "staff list of holidays?" is a question: only an exact staff command counts.
  staff: { parse: (args) => parseStaff(args) },
};

function parseStaff(args: string): Command | undefined {
  const [action = '', person = '', role = '', ...extra] = args.split(/\s+/);
  if (extra.length > 0) return undefined;
  if (action === 'list' && !person) return { name: 'staff', action: 'list' };
  if (action === 'remove' && person && !role) return { name: 'staff', action: 'remove', person };
  const r = role.toLowerCase();
  if (action === 'add' && person && (staffRoles as readonly string[]).includes(r)) {
    return { name: 'staff', action: 'add', person, role: r as StaffRole };
  }
  return undefined;
}

/**
 * One parser for every adapter. `explicit` is true for slash commands and text starting with "/": then a
 * malformed command gets usage help. Typed chat text that merely starts with a command word but does not
 * fit it ("status of my laptop order") is treated as a question instead.
 */
export function parseInput(raw: string, options: { explicit: boolean }): Parsed {
  let text = raw.trim();
  let explicit = options.explicit;
  if (text.startsWith('/')) {
    explicit = true;
    text = text.slice(1).trim();
  }
  if (text.length === 0) return { kind: 'usage', problem: 'empty' };
  if (text.length > maxTextLength) return { kind: 'usage', problem: 'too_long' };
  const [first = '', ...rest] = text.split(/\s+/);
  const word = first.toLowerCase();
  const args = rest.join(' ');
  // Text that is not a command is a question, unless it is only small talk ("thanks!", "help me").
  const talk = smallTalkOf(text);
  const asQuestion: Parsed = talk ? { kind: 'small_talk', what: talk } : { kind: 'question', text };
  // A ticket's number on its own ("T-12", "#12") asks after that ticket; a bare number may be anything.
  const bareRef = rest.length === 0 && /^(?:#|#?t-?)\d/i.test(foldRef(word)) ? ticketRef.safeParse(word) : undefined;
  if (bareRef?.success) return { kind: 'command', command: { name: 'status', ticketId: bareRef.data } };
  if (!isCommandName(word)) return explicit ? { kind: 'usage', problem: 'unknown_command' } : asQuestion;

  switch (word) {
    case 'help': {
      if (args === '') return { kind: 'command', command: { name: 'help' } };
      const topic = args.toLowerCase();
      if (isCommandName(topic)) return { kind: 'command', command: { name: 'help', topic } };
      return explicit ? { kind: 'command', command: { name: 'help' } } : asQuestion;
    }
    case 'ask':
      if (args === '') return { kind: 'usage', name: 'ask', problem: 'missing_argument' };
      return { kind: 'command', command: { name: 'ask', question: args } };
    case 'ticket':
      if (args === '') return { kind: 'usage', name: 'ticket', problem: 'missing_argument' };
      return { kind: 'command', command: { name: 'ticket', subject: args } };
    case 'status': {
      if (args === '') return { kind: 'command', command: { name: 'status' } };
      const ref = ticketRef.safeParse(args);
      if (ref.success) return { kind: 'command', command: { name: 'status', ticketId: ref.data } };
      return explicit ? { kind: 'usage', name: 'status', problem: 'bad_ticket_ref' } : asQuestion;
    }
    case 'mine':
      if (args === '') return { kind: 'command', command: { name: 'mine' } };
      return explicit ? { kind: 'command', command: { name: 'mine' } } : asQuestion;
    case 'gaps': {
      const command = parseGaps(args);
      if (command) return { kind: 'command', command };
      // "gaps in the meeting room wall" is a question; "gaps 500" is a slip.
      const slip = explicit || /^\d/.test(args);
      return slip ? { kind: 'usage', name: 'gaps', problem: 'bad_arguments' } : asQuestion;
    }
    case 'kb':
    case 'queue':
    case 'staff': {
      const { parse, actions } = withActions[word];
      const command = parse(args);
      if (command) return { kind: 'command', command };
      // Naming one of the command's actions marks a slip in a command rather than a question.
      const slip = explicit || args === '' || (actions?.test(args) ?? false);
      return slip ? { kind: 'usage', name: word, problem: 'bad_arguments' } : asQuestion;
    }
    default: {
      const command = parseTicketCommand(word, args);
      if (command) return { kind: 'command', command };
      // "reply all is broken" is a question; "/reply" or "reply T-3" with the rest missing is a slip.
      const looksLikeCommand = explicit || ticketAndRest(args) !== undefined || args === '';
      return looksLikeCommand ? { kind: 'usage', name: word, problem: 'bad_arguments' } : asQuestion;
    }
  }
}
