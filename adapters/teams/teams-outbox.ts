import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Message } from '../../src/messages/message.ts';
import type { Outbox, Posted } from '../../src/outbox.ts';
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
  const inConversation = async <T>(key: string, run: (context: TurnContext) => Promise<T>): Promise<T> => {
    const reference = await findReference(references, key);
    if (!reference) throw new Error(`no stored Teams conversation for ${key}: the bot must be installed there first`);
    let result: T | undefined;
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      result = await run(context);
    });
    return result as T;
  };
  const send = async (key: string, message: Message): Promise<Posted> =>
    inConversation(key, async (context) => {
      const sent = await withBackoff(() => context.sendActivity(toActivity(message)));
      return { platform: 'teams', id: toPostedId(context.activity.conversation.id, sent?.id ?? '') };
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
