import { type CommandName, commandNames } from '../commands/parse-command.ts';
import { commandUsage, copy } from './copy.ts';
import type { Message } from './message.ts';
import { stripMarkdown } from './plain-text.ts';

export function toHelpMessage(topic?: CommandName): Message {
  if (topic) return { text: stripMarkdown(commandUsage[topic]) };
  const lines = commandNames.map((name) => `- ${commandUsage[name]}`);
  const text = ['Ask me an IT question in your own words, or use a command:', ...lines].join('\n');
  return { text: stripMarkdown(text), blocks: [{ kind: 'text', text }] };
}

export function toUsageMessage(problem: Parameters<typeof copy.usage>[0], name?: CommandName): Message {
  return { text: copy.usage(problem, name) };
}
