import { copy } from '../../src/messages/copy.ts';
import type { BlockAction } from './inbound.ts';
import { formOpenActionId } from './modal.ts';
import { toMrkdwn } from './mrkdwn.ts';
import type { SlackBlock } from './render.ts';

/**
 * After a button is pressed, the message keeps its content but loses its buttons and says who chose what,
 * so a thread does not fill with live buttons for questions already settled. Ephemeral messages cannot be
 * edited this way and are left alone.
 */
export function acknowledgedClick(action: BlockAction, label: string | undefined) {
  const message = action.message;
  if (!message?.blocks || action.container?.is_ephemeral || action.container?.type !== 'message') return undefined;
  // A button that opens a form asks no question of its own: it stays (the CSAT's "Add a comment" after a score).
  const kept = (message.blocks as SlackBlock[]).filter((b) => b.type !== 'actions' || opensFormsOnly(b));
  // Built here rather than by the renderer, whose escaping would break the <@user> mention.
  const chose = copy.platform.chose(`<@${action.user.id}>`, label === undefined ? undefined : toMrkdwn(label));
  const text = typeof message.text === 'string' ? message.text : chose;
  return { text, blocks: [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: chose }] }] };
}

const formOpener = formOpenActionId('');
const opensFormsOnly = (block: SlackBlock) =>
  'elements' in block &&
  block.elements.length > 0 &&
  block.elements.every((e) => 'action_id' in e && String(e.action_id ?? '').startsWith(formOpener));
