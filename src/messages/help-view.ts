import { type CommandName, commandNames, staffCommandNames } from '../commands/parse-command.ts';
import { commandUsage, copy } from './copy.ts';
import type { Message } from './message.ts';
import { stripMarkdown } from './plain-text.ts';

/** Everyone sees their own commands (including `reply`, `reopen`, `history` on their tickets); staff see all. */
export function toHelpMessage(topic?: CommandName, staff = false): Message {
  if (topic) return { text: stripMarkdown(commandUsage[topic]) };
  const mine = [...commandNames, 'reply', 'reopen', 'history'] as const;
  const lines = mine.map((name) => `- ${commandUsage[name]}`);
  const desk = staffCommandNames
    .filter((n) => !(mine as readonly string[]).includes(n))
    .map((name) => `- ${commandUsage[name]}`);
  const text = [
    'Ask me an IT question in your own words, or use a command:',
    ...lines,
    ...(staff ? ['', 'For the help desk:', ...desk] : []),
  ].join('\n');
  return { text: stripMarkdown(text), blocks: [{ kind: 'text', text }] };
}

export function toUsageMessage(problem: Parameters<typeof copy.usage>[0], name?: CommandName): Message {
  return { text: copy.usage(problem, name) };
}
