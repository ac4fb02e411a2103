import type { Button, Message } from '../../src/messages/message.ts';

/** Plain text for a terminal: the message text, then its buttons numbered so they can be picked. */
export function toPlainText(message: Message, firstNumber = 1): { text: string; buttons: Button[] } {
  const buttons = (message.blocks ?? []).flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
  const options = buttons.map((b, i) => `  [${firstNumber + i}] ${b.label}`);
  return { text: [message.text, ...options].join('\n'), buttons };
}
