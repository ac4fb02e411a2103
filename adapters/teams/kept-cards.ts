import { copy } from '../../src/messages/copy.ts';
import { type Block, buttonsOf, type Message } from '../../src/messages/message.ts';
import type { ReferenceStore } from './references.ts';

/**
 * The messages behind the cards the bot posted with buttons, by posted id. Teams does not send the pressed
 * card with a press, and the card an invoke answers with replaces it for the presser: keeping each card's
 * message lets that answer be the same card (its buttons resolved, or as the desk redrew it), not a line
 * that wipes out an article's steps.
 */
const cardKey = (postedId: string) => `card:${postedId}`;

export async function keepCard(store: ReferenceStore, postedId: string, message: Message): Promise<void> {
  if (buttonsOf(message).length > 0) await store.save(cardKey(postedId), { message });
}

export async function findCard(store: ReferenceStore, postedId: string): Promise<Message | undefined> {
  const kept = (await store.find(cardKey(postedId))) as { message?: Message } | undefined;
  return kept?.message;
}

/** The card after a press settled its question: the same content, its buttons replaced by who chose what. */
export function settledCard(message: Message, who: string, pressed: { actionId: string; value: string }): Message {
  const label = buttonsOf(message).find((b) => b.actionId === pressed.actionId && b.value === pressed.value)?.label;
  // A rating keeps its question; its scores go, as buttons do.
  const blocks = (message.blocks ?? [{ kind: 'text', text: message.text }]).flatMap((b): Block[] =>
    b.kind === 'actions' ? [] : b.kind === 'rating' ? [{ kind: 'text', text: b.label }] : [b],
  );
  return { ...message, blocks: [...blocks, { kind: 'context', text: copy.platform.chose(who, label) }] };
}
