import { toHelpMessage } from './help-view.ts';
import type { Message } from './message.ts';

/** What a person sees when the desk is installed for them or added to their team. */
export function toWelcomeMessage(): Message {
  const lead =
    'Hi, I\'m **Tierdesk**, the IT support desk. Ask me a question in your own words, for example "how do I reset my password?", and I\'ll find the answer or pass you to a person.';
  const help = toHelpMessage();
  return {
    text: `Hi, I'm Tierdesk, the IT support desk. Ask me a question in your own words.\n${help.text}`,
    blocks: [{ kind: 'text', text: lead }, ...(help.blocks ?? [])],
  };
}
