import { type CloudAdapter, type ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Message } from '../../src/messages/message.ts';
import type { Posted } from '../../src/model/identity.ts';
import type { Outbox } from '../../src/outbox.ts';
import { withBackoff } from './backoff.ts';
import { conversationKey, findReference, personKey, type ReferenceStore } from './references.ts';
import { toActivity } from './to-activity.ts';

/** Posted ids are `<conversation id>|<activity id>`; conversation ids hold `:` and `;` but never `|`. */
export const toPostedId = (conversationId: string, activityId: string) => `${conversationId}|${activityId}`;
export function fromPostedId(id: string): { conversationId: string; activityId: string } {
  const at = id.lastIndexOf('|');
  return { conversationId: id.slice(0, at), activityId: id.slice(at + 1) };
}

/**
 * Proactive messages: every post starts a new turn from a stored ConversationReference with
 * `continueConversationAsync`, never from a finished turn's context.
 */
export function createTeamsOutbox(adapter: CloudAdapter, appId: string, references: ReferenceStore): Outbox {
  const inConversation = async <T>(
    key: string,
    run: (context: TurnContext, reference: Partial<ConversationReference>) => Promise<T>,
  ): Promise<T> => {
    const stored = await findReference(references, key);
    if (!stored) throw new Error(`no stored Teams conversation for ${key}: the bot must be installed there first`);
    // Without the last activity id the post stands on its own instead of replying to whatever came last.
    const { activityId: _last, ...reference } = stored;
    let result: T | undefined;
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      result = await run(context, reference);
    });
    return result as T;
  };
  // A new message, not a reply: sendActivity in a continued turn would reply to the synthetic event.
  const send = async (key: string, message: Message): Promise<Posted> =>
    inConversation(key, async (context, reference) => {
      const connector = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
      const activity = TurnContext.applyConversationReference({ ...toActivity(message) }, reference);
      const conversationId = reference.conversation?.id ?? '';
      const sent = await withBackoff(() =>
        connector.conversations.sendToConversation(conversationId, activity as never),
      );
      return { platform: 'teams', id: toPostedId(conversationId, sent.id ?? '') };
    });
  return {
    post: (address, message) => send(conversationKey(address), message),
    dm: (person, message) => send(personKey(person.userId), message),
    async update(posted, message) {
      const { conversationId, activityId } = fromPostedId(posted.id);
      await inConversation(conversationKey(conversationId), (context) =>
        withBackoff(() => context.updateActivity({ ...toActivity(message), id: activityId })),
      );
    },
  };
}
