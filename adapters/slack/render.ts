import type { KnownBlock, MrkdwnElement, SectionBlock, Button as SlackButton } from '@slack/types';
import { cutText } from '../../src/messages/cut-text.ts';
import { type Block, type Button, buttonsIn, type Message } from '../../src/messages/message.ts';
import { slackLimits as limits } from './limits.ts';
import { formOpenActionId } from './modal.ts';
import { escapeSlack, splitText, toMrkdwn } from './mrkdwn.ts';

/** A Block Kit block, typed by Slack's own definitions: a malformed block fails the typecheck. */
export type SlackBlock = KnownBlock;

export interface BlockKitMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Button action ids carry the neutral id and a position, because Slack wants them unique per block. */
export const actionIdPrefix = 'tierdesk:';
export const toSlackActionId = (actionId: string, index: number) => `${actionIdPrefix}${actionId}:${index}`;
export const fromSlackActionId = (slackId: string) =>
  slackId.startsWith(actionIdPrefix) ? slackId.slice(actionIdPrefix.length).replace(/:\d+$/, '') : slackId;

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function button(b: Button, index: number): SlackButton {
  return {
    type: 'button',
    text: { type: 'plain_text', text: cutText(b.label, limits.buttonLabel), emoji: true },
    action_id: toSlackActionId(b.actionId, index),
    value: cutText(b.value, limits.buttonValue),
    ...(b.style ? { style: b.style } : {}),
  };
}

function renderBlock(block: Block, firstButton: number): SlackBlock[] {
  switch (block.kind) {
    case 'text':
      return splitText(toMrkdwn(block.text), limits.sectionText).map(section);
    case 'fields': {
      const fields = block.fields.map(
        (f): MrkdwnElement => ({
          type: 'mrkdwn',
          text: cutText(`*${toMrkdwn(f.label)}*\n${toMrkdwn(f.value)}`, limits.fieldText),
        }),
      );
      const sections: SlackBlock[] = [];
      for (let i = 0; i < fields.length; i += limits.fieldsPerSection) {
        sections.push({ type: 'section', fields: fields.slice(i, i + limits.fieldsPerSection) });
      }
      return sections;
    }
    case 'actions': {
      const blocks: SlackBlock[] = [];
      for (let i = 0; i < block.buttons.length; i += limits.elementsPerActions) {
        const row = block.buttons.slice(i, i + limits.elementsPerActions);
        blocks.push({ type: 'actions', elements: row.map((b, j) => button(b, firstButton + i + j)) });
      }
      return blocks;
    }
    case 'rating':
      // A question and its five scores side by side: Slack has no rating element, buttons are native.
      return [section(toMrkdwn(block.label)), ...renderBlock({ kind: 'actions', buttons: block.buttons }, firstButton)];
    case 'context':
      return [
        { type: 'context', elements: [{ type: 'mrkdwn', text: cutText(toMrkdwn(block.text), limits.contextText) }] },
      ];
    case 'divider':
      return [{ type: 'divider' }];
    case 'image':
      // Slack shows the desk's own pictures as files: the outbox uploads each into the message's thread.
      return [];
    case 'form':
      // A message cannot hold a form: it offers a button that opens it as a modal.
      return [
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              style: 'primary',
              action_id: formOpenActionId(block.form.id),
              text: { type: 'plain_text', text: cutText(block.form.openLabel, limits.buttonLabel) },
            },
          ],
        },
      ];
  }
}

/** The message's own text, or what its blocks say when it has none. */
function fallbackOf(message: Message): string {
  if (message.text.trim()) return message.text;
  const said = (message.blocks ?? []).flatMap((b) =>
    b.kind === 'text' || b.kind === 'context' ? [b.text] : b.kind === 'form' ? [b.form.title] : [],
  );
  return said.join('\n').trim() || '…';
}

/** Pure: the neutral message as Block Kit, within Slack's limits, always with a `text` fallback. */
export function toBlockKit(message: Message, maxBlocks: number = limits.blocksPerMessage): BlockKitMessage {
  const blocks: SlackBlock[] = [];
  let buttons = 0;
  for (const block of message.blocks ?? []) {
    blocks.push(...renderBlock(block, buttons));
    buttons += buttonsIn(block).length;
  }
  if (blocks.length > maxBlocks) {
    // Keep the head and say there is more; the fallback text still carries everything.
    blocks.splice(maxBlocks - 1);
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: '…more than fits in one Slack message.' }] });
  }
  // The fallback is what notifications and a message without blocks show: escaped like the blocks, and
  // never empty (Slack refuses a message whose text is).
  return { text: escapeSlack(cutText(fallbackOf(message), limits.fallbackText)), blocks };
}
