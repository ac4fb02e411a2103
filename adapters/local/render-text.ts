import { type Block, type Button, buttonsIn, type Message } from '../../src/messages/message.ts';
import { stripMarkdown } from '../../src/messages/plain-text.ts';

/** An emoji that leads a label ("👍 Helpful"), with its modifiers and joiners. */
const leadingEmoji = /^((?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)+)\s+(\S.*)$/su;

/** A label's words first and its emoji after them, so it reads where emoji do not show: "Helpful 👍". */
export function textFirst(label: string): string {
  const match = leadingEmoji.exec(label);
  return match ? `${match[2]} ${match[1]}` : label;
}

function toLines(block: Block): string[] {
  switch (block.kind) {
    case 'text':
    case 'context':
      return [stripMarkdown(block.text)];
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`);
    case 'divider':
      return ['—'];
    case 'rating':
      return [stripMarkdown(block.label)];
    case 'image':
      return [`${block.title}: ${block.url}`];
    // Buttons are listed after the text, numbered; forms are the web page's (their message says what to type).
    default:
      return [];
  }
}

/**
 * Plain text for a terminal, from the message's blocks (its fallback text when they have no words): each
 * choice appears once, as a numbered button to pick, and markdown marks (`code`, **bold**) are dropped.
 */
export function toPlainText(message: Message, firstNumber = 1): { text: string; buttons: Button[] } {
  const blocks = message.blocks ?? [];
  const buttons = blocks.flatMap(buttonsIn);
  const lines = blocks.flatMap(toLines);
  const body = lines.length > 0 ? lines : [stripMarkdown(message.text)];
  const options = buttons.map((b, i) => `  [${firstNumber + i}] ${textFirst(b.label)}`);
  return { text: [...body, ...options].join('\n'), buttons };
}
