import type { ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { ReferenceStore } from '../../src/platform.ts';
import type { TeamsActivity } from './inbound.ts';
import { isPersonal, toPerson } from './inbound.ts';

export type { ReferenceStore };

export const conversationKey = (conversationId: string) => `conversation:${conversationId}`;
export const personKey = (userId: string) => `person:${userId}`;

/**
 * Remembers how to reach this conversation later (SLA alerts, ticket updates), and for a 1:1 chat how to
 * reach the person. Called on install and on every message: service URLs can change.
 */
export async function rememberConversation(store: ReferenceStore, activity: TeamsActivity, raw: object): Promise<void> {
  const reference = TurnContext.getConversationReference(raw) as Record<string, unknown>;
  await store.save(conversationKey(activity.conversation.id), reference);
  if (isPersonal(activity)) await store.save(personKey(toPerson(activity).userId), reference);
}

export async function findReference(
  store: ReferenceStore,
  key: string,
): Promise<Partial<ConversationReference> | undefined> {
  return (await store.find(key)) as Partial<ConversationReference> | undefined;
}
