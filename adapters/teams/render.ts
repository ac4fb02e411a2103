import { cutText } from '../../src/messages/cut-text.ts';
import type { Block, Button, Message } from '../../src/messages/message.ts';
import { toCardForm } from './card-form.ts';
import { jsonBytes, trimCard } from './fit-card.ts';
import { teamsLimits as limits } from './limits.ts';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  /** Plain-text fallback for notifications and clients that cannot render the card. */
  fallbackText: string;
  /** Teams' own extension: the card takes the conversation's full width instead of a chat bubble's. */
  msteams?: { width: 'Full' };
}

/** What a pressed button sends back, under one key so other submits cannot be mistaken for ours. */
export interface ActionData {
  tierdesk: { action: string; value: string };
}

/** Adaptive Card markdown has no inline code; keep the words, drop the backticks. */
const toCardMarkdown = (markdown: string) => cutText(markdown.replace(/`([^`]+)`/g, '$1'), limits.textBlockChars);

function action(b: Button, besideInputs: boolean): CardElement {
  const data: ActionData = { tierdesk: { action: b.actionId, value: b.value } };
  const style = b.style === 'primary' ? 'positive' : b.style === 'danger' ? 'destructive' : undefined;
  // On a card with a form (the CSAT's comment box), a button must neither send the form's inputs nor be
  // refused by the client because a required one is empty: a score is pressed before anything is typed.
  const inputs = besideInputs ? { associatedInputs: 'none' } : {};
  return {
    type: 'Action.Execute',
    title: b.label,
    verb: b.actionId,
    data,
    ...(style ? { style } : {}),
    ...inputs,
    // Clients without Universal Actions send the same data as a plain submit.
    fallback: { type: 'Action.Submit', title: b.label, data, ...inputs },
  };
}

function renderBlock(block: Block, besideInputs: boolean): CardElement[] {
  const toAction = (b: Button) => action(b, besideInputs);
  switch (block.kind) {
    case 'text':
      return [{ type: 'TextBlock', text: toCardMarkdown(block.text), wrap: true }];
    case 'fields':
      return [
        { type: 'FactSet', facts: block.fields.map((f) => ({ title: f.label, value: toCardMarkdown(f.value) })) },
      ];
    case 'actions': {
      const sets: CardElement[] = [];
      for (let i = 0; i < block.buttons.length; i += limits.actionsPerSet) {
        sets.push({ type: 'ActionSet', actions: block.buttons.slice(i, i + limits.actionsPerSet).map(toAction) });
      }
      return sets;
    }
    case 'rating':
      // Adaptive Cards 1.5 has no rating input Teams renders everywhere: the scores are one row of actions.
      return [
        { type: 'TextBlock', text: toCardMarkdown(block.label), wrap: true, weight: 'Bolder' },
        { type: 'ActionSet', actions: block.buttons.map(toAction) },
      ];
    case 'context':
      return [{ type: 'TextBlock', text: toCardMarkdown(block.text), wrap: true, isSubtle: true, size: 'Small' }];
    case 'divider':
      return [{ type: 'Container', separator: true, items: [] }];
    case 'form':
      return toCardForm(block.form);
    case 'image':
      // Teams fetches a card's images itself, so only an absolute address (PUBLIC_URL) can show; the card
      // stays small (28 KB) because the picture is not in it.
      return /^https?:\/\//.test(block.url)
        ? [{ type: 'Image', url: block.url, altText: block.alt, size: 'Stretch' }]
        : [
            {
              type: 'TextBlock',
              text: toCardMarkdown(`${block.title}: set PUBLIC_URL to show it here`),
              wrap: true,
              isSubtle: true,
            },
          ];
  }
}

/**
 * A FactSet puts its titles in a column beside the values: in a bubble's width the values wrap a word or two
 * a line. Every card with fields (a ticket's status, the queue card, the staff view) reads better wide.
 */
const readsBetterWide = (message: Message) => (message.blocks ?? []).some((b) => b.kind === 'fields');

/** Pure: the neutral message as an Adaptive Card 1.5, within Teams' limits, with a text fallback. */
export function toAdaptiveCard(message: Message): AdaptiveCard {
  const blocks = message.blocks ?? [{ kind: 'text', text: message.text }];
  const hasInputs = blocks.some((b) => b.kind === 'form');
  const body = blocks.flatMap((b) => renderBlock(b, hasInputs));
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: limits.cardVersion,
    body,
    fallbackText: cutText(message.text, limits.summaryChars),
    ...(readsBetterWide(message) ? { msteams: { width: 'Full' as const } } : {}),
  };
  // Alone, the card is what an invoke answers with; toActivity fits it again with the rest of the message.
  trimCard(card, () => jsonBytes(card), limits.cardBytes);
  return card;
}
