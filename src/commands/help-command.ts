import { type HelpLists, toHelpMessage, toTopicHelpMessage } from '../messages/help-view.ts';
import type { Message } from '../messages/message.ts';
import { isStaff } from '../model/roles.ts';
import { type CommandSpec, defineCommand } from './feature.ts';

/** What help reads of the registry: the commands, as it lists them. */
interface Listing {
  command(name: string): CommandSpec | undefined;
  listed(): { everyone: CommandSpec[]; desk: CommandSpec[] };
}

/** Everyone sees their own commands (including `reply`, `reopen`, `history` on their tickets); staff see all. */
export function helpFor(registry: Listing, person: Parameters<typeof isStaff>[0]): Message {
  const { everyone, desk } = registry.listed();
  const lists: HelpLists = { everyone: everyone.map((c) => c.usage) };
  return toHelpMessage(isStaff(person) ? { ...lists, desk: desk.map((c) => c.usage) } : lists);
}

/** `help`, or `help <command>` for one command's usage. */
export const helpCommand = (registry: Listing) =>
  defineCommand<{ name: 'help'; topic?: string }>({
    name: 'help',
    usage: '`help` — what I can do',
    audience: 'everyone',
    menu: true,
    parse(args, explicit) {
      if (args === '') return { name: 'help' };
      const topic = args.toLowerCase();
      if (registry.command(topic)) return { name: 'help', topic };
      // "help me reset my password" is a question; "/help whatever" still wants the list.
      return explicit ? { name: 'help' } : undefined;
    },
    async run(_ctx, person, _place, command) {
      const topic = command.topic ? registry.command(command.topic) : undefined;
      return topic ? toTopicHelpMessage(topic.usage) : helpFor(registry, person);
    },
  });
