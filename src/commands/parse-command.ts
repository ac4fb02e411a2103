import { z } from 'zod';

export type Command =
  | { name: 'help'; topic?: CommandName }
  | { name: 'ask'; question: string }
  | { name: 'ticket'; subject: string }
  | { name: 'status'; ticketId?: number }
  | { name: 'mine' };

export const commandNames = ['help', 'ask', 'ticket', 'status', 'mine'] as const;
export type CommandName = (typeof commandNames)[number];

export type Parsed =
  | { kind: 'command'; command: Command }
  | { kind: 'question'; text: string }
  | { kind: 'usage'; name?: CommandName; problem: UsageProblem };

export type UsageProblem = 'empty' | 'too_long' | 'unknown_command' | 'missing_argument' | 'bad_ticket_ref';

/** Longest text the desk reads; anything longer is refused politely rather than truncated silently. */
export const maxTextLength = 4000;
export const maxSubjectLength = 200;

const ticketRef = z
  .string()
  .regex(/^#?(?:t-?)?(\d{1,9})$/i)
  .transform((s) => Number(/\d+/.exec(s)?.[0]));

const isCommandName = (w: string): w is CommandName => (commandNames as readonly string[]).includes(w);

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
  const asQuestion: Parsed = { kind: 'question', text };
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
  }
}
