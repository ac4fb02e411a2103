import type { Block, Button, Message } from '../../src/messages/message.ts';
import { slackLimits as limits } from './limits.ts';
import { escapeSlack, splitText, toMrkdwn, truncate } from './mrkdwn.ts';

/** A Block Kit block, as plain data; Slack's own types are not needed to build one. */
export type SlackBlock = Record<string, unknown>;

export interface BlockKitMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Button action ids carry the neutral id and a position, because Slack wants them unique per block. */
export const actionIdPrefix = 'tierdesk:';
export const toSlackActionId = (actionId: string, index: number) => `${actionIdPrefix}${actionId}:${index}`;
export const fromSlackActionId = (slackId: string) =>
  slackId.startsWith(actionIdPrefix) ? slackId.slice(actionIdPrefix.length).replace(/:\d+$/, '') : slackId;

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function button(b: Button, index: number): SlackBlock {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(b.label, limits.buttonLabel), emoji: true },
    action_id: toSlackActionId(b.actionId, index),
    value: truncate(b.value, limits.buttonValue),
    ...(b.style ? { style: b.style } : {}),
  };
}

function renderBlock(block: Block, firstButton: number): SlackBlock[] {
  switch (block.kind) {
    case 'text':
      return splitText(toMrkdwn(block.text), limits.sectionText).map(section);
    case 'fields': {
      const fields = block.fields.map((f) => ({
        type: 'mrkdwn',
        text: truncate(`*${toMrkdwn(f.label)}*\n${toMrkdwn(f.value)}`, limits.fieldText),
      }));
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
    case 'context':
      return [
        { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(toMrkdwn(block.text), limits.contextText) }] },
      ];
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** Pure: the neutral message as Block Kit, within Slack's limits, always with a `text` fallback. */
export function toBlockKit(message: Message, maxBlocks: number = limits.blocksPerMessage): BlockKitMessage {
  const blocks: SlackBlock[] = [];
  let buttons = 0;
  for (const block of message.blocks ?? []) {
    blocks.push(...renderBlock(block, buttons));
    if (block.kind === 'actions') buttons += block.buttons.length;
  }
  if (blocks.length > maxBlocks) {
    // Keep the head and say there is more; the fallback text still carries everything.
    blocks.splice(maxBlocks - 1);
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: '…more than fits in one Slack message.' }] });
  }
  // The fallback is what notifications and a message without blocks show: escaped like the blocks.
  return { text: escapeSlack(truncate(message.text, limits.fallbackText)), blocks };
}
