import type { Message } from './message.ts';
import { stripMarkdown } from './plain-text.ts';

/** Usage lines as the registry lists them: everyone's commands, and the help desk's for staff. */
export interface HelpLists {
  everyone: string[];
  desk?: string[];
}

export function toHelpMessage(lists: HelpLists): Message {
  const text = [
    'Ask me an IT question in your own words, or use a command:',
    ...lists.everyone.map((usage) => `- ${usage}`),
    ...(lists.desk ? ['', 'For the help desk:', ...lists.desk.map((usage) => `- ${usage}`)] : []),
  ].join('\n');
  return { text: stripMarkdown(text), blocks: [{ kind: 'text', text }] };
}

export const toTopicHelpMessage = (usage: string): Message => ({ text: stripMarkdown(usage) });
