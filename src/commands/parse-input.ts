import type { UsageProblem } from '../messages/copy.ts';
import { looksLikeTicketRef } from './arguments.ts';
import type { Command } from './feature.ts';
import type { Registry } from './registry.ts';
import { type SmallTalk, smallTalkOf } from './small-talk.ts';

export type Parsed =
  | { kind: 'command'; command: Command }
  | { kind: 'question'; text: string }
  | { kind: 'small_talk'; what: SmallTalk }
  | { kind: 'usage'; name?: string; problem: UsageProblem };

/** Longest text the desk reads; anything longer is refused politely rather than truncated silently. */
export const maxTextLength = 4000;

/**
 * What every command shares, for every adapter: the optional slash, the length limit, small talk, a ticket's
 * number on its own, and telling a mistyped command from a question. The command's own spec reads its
 * arguments. `explicit` is true for slash commands and text starting with "/": then a malformed command gets
 * usage help. Typed chat text that merely starts with a command word ("status of my laptop order") is a
 * question instead.
 */
export function parseInput(raw: string, options: { explicit: boolean }, registry: Registry): Parsed {
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
  // Text that is not a command is a question, unless it is only small talk ("thanks!", "help me").
  const talk = smallTalkOf(text);
  const asQuestion: Parsed = talk ? { kind: 'small_talk', what: talk } : { kind: 'question', text };
  // A ticket's number on its own ("T-12", "#12") asks after that ticket.
  const status = registry.command('status');
  if (rest.length === 0 && status && looksLikeTicketRef(word)) {
    const command = status.parse(word, true);
    if (command && !('usage' in command)) return { kind: 'command', command };
  }
  const spec = registry.command(word);
  if (!spec) return explicit ? { kind: 'usage', problem: 'unknown_command' } : asQuestion;
  const parsed = spec.parse(rest.join(' '), explicit);
  if (parsed === undefined) return asQuestion;
  if ('usage' in parsed) return { kind: 'usage', name: spec.name, problem: parsed.usage };
  return { kind: 'command', command: parsed };
}
