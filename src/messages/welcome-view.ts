import type { Message } from './message.ts';

/** What a person sees when the desk is installed for them or added to their team: a hello, then `help`. */
export function toWelcomeMessage(help: Message): Message {
  const lead =
    'Hi, I\'m **Tierdesk**, the IT support desk. Ask me a question in your own words, for example "how do I reset my password?", and I\'ll find the answer or pass you to a person.';
  return {
    text: `Hi, I'm Tierdesk, the IT support desk. Ask me a question in your own words.\n${help.text}`,
    blocks: [{ kind: 'text', text: lead }, ...(help.blocks ?? [])],
  };
}
