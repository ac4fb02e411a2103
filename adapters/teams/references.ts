import type { ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { ReferenceStore } from '../../src/platform.ts';
import type { TeamsActivity } from './inbound.ts';
import { channelIdOf, isPersonal, splitConversation, tenantOf, toPerson } from './inbound.ts';

export type { ReferenceStore };

/** A stored reference; `gone` says the app was removed there (the outbox's word for it), until it is back. */
export type StoredReference = Partial<ConversationReference> & { gone?: string };
/** A reference found, and the key it is stored under (a thread's may be its channel's). */
export interface FoundReference {
  key: string;
  reference: StoredReference;
}

export const conversationKey = (conversationId: string) => `conversation:${conversationId}`;
export const personKey = (userId: string) => `person:${userId}`;
/** Where a tenant's conversations are served from, and the bot's id there: to open a 1:1 chat with someone. */
export const tenantKey = (tenantId: string) => `tenant:${tenantId}`;

/**
 * Remembers how to reach this conversation later (SLA alerts, ticket updates), and for a 1:1 chat how to
 * reach the person. Called on install and on every message: service URLs can change, and an app that was
 * removed and added again is reachable again. A post in a channel's thread also teaches how to reach the
 * channel itself (a queue in any channel, not only General).
 */
export async function rememberConversation(store: ReferenceStore, activity: TeamsActivity, raw: object): Promise<void> {
  const reference = TurnContext.getConversationReference(raw) as Partial<ConversationReference>;
  await store.save(conversationKey(activity.conversation.id), reference);
  const channel = channelIdOf(activity) ?? splitConversation(activity.conversation.id).channel;
  if (channel !== activity.conversation.id && reference.conversation) {
    await store.save(conversationKey(channel), {
      ...reference,
      conversation: { ...reference.conversation, id: channel },
    });
  }
  if (isPersonal(activity)) await store.save(personKey(toPerson(activity).userId), reference);
  if (reference.serviceUrl && reference.bot) {
    await store.save(tenantKey(tenantOf(activity)), { serviceUrl: reference.serviceUrl, bot: reference.bot });
  }
}

export async function findReference(store: ReferenceStore, key: string): Promise<FoundReference | undefined> {
  const reference = (await store.find(key)) as StoredReference | undefined;
  return reference ? { key, reference } : undefined;
}

/**
 * How to reach one conversation: its own reference, or for a thread in a channel, the channel's with the
 * thread's conversation id (a thread the bot has not seen since start is still in a channel it knows).
 */
export async function findConversation(
  store: ReferenceStore,
  conversationId: string,
): Promise<FoundReference | undefined> {
  const { channel } = splitConversation(conversationId);
  const found =
    (await findReference(store, conversationKey(conversationId))) ??
    (channel === conversationId ? undefined : await findReference(store, conversationKey(channel)));
  const conversation = found?.reference.conversation;
  if (!found || !conversation) return found;
  return { ...found, reference: { ...found.reference, conversation: { ...conversation, id: conversationId } } };
}

/** The app was removed where this reference leads (and, for a thread, from its channel): stop trying it. */
export async function markGone(store: ReferenceStore, found: FoundReference, problem: string): Promise<void> {
  const conversationId = found.reference.conversation?.id;
  const channel = conversationId ? conversationKey(splitConversation(conversationId).channel) : undefined;
  for (const key of new Set([found.key, ...(channel ? [channel] : [])])) {
    const stored = await store.find(key);
    if (stored) await store.save(key, { ...stored, gone: problem });
  }
}
