import { type CloudAdapter, type ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Logger } from '../../src/log.ts';
import type { Message } from '../../src/messages/message.ts';
import type { Posted } from '../../src/model/identity.ts';
import { type Outbox, OutboxError } from '../../src/outbox.ts';
import { defaultBackoff, withBackoff } from './backoff.ts';
import { startDirectChat } from './direct-chat.ts';
import { keepCard } from './kept-cards.ts';
import { conversationOf, fromPostedId, toPostedId } from './posted-ids.ts';
import { inPress, noteRedraw } from './press-scope.ts';
import {
  type FoundReference,
  findConversation,
  findReference,
  markGone,
  personKey,
  type ReferenceStore,
} from './references.ts';
import { goneProblems, toOutboxError } from './teams-failures.ts';
import { toActivity } from './to-activity.ts';

type Reference = Partial<ConversationReference>;

/** During a press, one try: Teams is waiting on the invoke, and the desk's outbox tries again later. */
const backoff = () => (inPress() ? { ...defaultBackoff, attempts: 1 } : defaultBackoff);

/**
 * Proactive messages: every post starts a new turn from a stored ConversationReference with
 * `continueConversationAsync`, never from a finished turn's context. A failure inside that turn is brought
 * out and thrown as an OutboxError (the SDK would hand it to onTurnError and the post would look sent), so
 * Delivery knows; a conversation the app was removed from is marked and not tried again.
 */
/** The outbox, and a reply to an activity after its turn has ended (the replies to a card press). */
export interface TeamsOutbox extends Outbox {
  reply(conversationId: string, replyToId: string, message: Message): Promise<Posted>;
}

export function createTeamsOutbox(
  adapter: CloudAdapter,
  appId: string,
  references: ReferenceStore,
  log: Logger,
): TeamsOutbox {
  // The message went out whatever happens here: a card not kept only means a press on it cannot redraw it.
  const keep = (postedId: string, message: Message) =>
    keepCard(references, postedId, message).catch((err: unknown) => log.warn('teams card not kept', { err }));
  const inConversation = async <T>(
    found: FoundReference,
    run: (context: TurnContext, reference: Reference) => Promise<T>,
  ): Promise<T> => {
    if (found.reference.gone) throw new OutboxError(found.reference.gone, { retryable: false });
    // Without the last activity id the post stands on its own instead of replying to whatever came last.
    const { activityId: _last, gone: _gone, ...reference } = found.reference;
    let outcome = { ok: false, error: undefined } as { ok: true; value: T } | { ok: false; error: unknown };
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      try {
        outcome = { ok: true, value: await run(context, reference) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    if (outcome.ok) return outcome.value;
    const failure = toOutboxError(outcome.error);
    if (goneProblems.includes(failure.problem)) await markGone(references, found, failure.problem);
    throw failure;
  };
  const connectorOf = (context: TurnContext) => context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
  // A new message, not a reply: sendActivity in a continued turn would reply to the synthetic event.
  const sendIn = async (context: TurnContext, reference: Reference, message: Message): Promise<Posted> => {
    const activity = TurnContext.applyConversationReference({ ...toActivity(message) }, reference);
    const conversationId = reference.conversation?.id ?? '';
    const sent = await withBackoff(
      () => connectorOf(context).conversations.sendToConversation(conversationId, activity as never),
      backoff(),
    );
    const posted = { platform: 'teams', id: toPostedId(conversationId, sent.id ?? '') };
    await keep(posted.id, message);
    return posted;
  };
  const replyIn = async (context: TurnContext, reference: Reference, replyToId: string, message: Message) => {
    const activity = TurnContext.applyConversationReference({ ...toActivity(message) }, reference);
    const conversationId = reference.conversation?.id ?? '';
    const sent = await withBackoff(
      () => connectorOf(context).conversations.replyToActivity(conversationId, replyToId, activity as never),
      backoff(),
    );
    const posted = { platform: 'teams', id: toPostedId(conversationId, sent.id ?? '') };
    await keep(posted.id, message);
    return posted;
  };
  const conversation = async (conversationId: string): Promise<FoundReference> => {
    const found = await findConversation(references, conversationId);
    // Teams lets a bot post only where its app is installed, and it learns each place from an activity there.
    if (!found) throw new OutboxError('not_installed', { retryable: true });
    return found;
  };
  return {
    async reply(conversationId, replyToId, message) {
      return inConversation(await conversation(conversationId), (context, reference) =>
        replyIn(context, reference, replyToId, message),
      );
    },
    async post(address, message) {
      return inConversation(await conversation(conversationOf(address)), (context, reference) =>
        sendIn(context, reference, message),
      );
    },
    async dm(person, message) {
      const chat = await findReference(references, personKey(person.userId));
      if (chat) return inConversation(chat, (context, reference) => sendIn(context, reference, message));
      // Never wrote to the bot: open a 1:1 chat with them, which Teams allows where the app is installed.
      return startDirectChat({ adapter, appId, references }, person, (context, reference) =>
        sendIn(context, reference, message),
      );
    },
    async update(posted, message) {
      const { conversationId, activityId } = fromPostedId(posted.id);
      await inConversation(await conversation(conversationId), (context, reference) => {
        // An edit replaces a message: it carries no replyToId (least of all the continued turn's synthetic one).
        const { replyToId: _none, ...activity } = TurnContext.applyConversationReference(
          { ...toActivity(message), id: activityId },
          reference,
        );
        return withBackoff(
          () => connectorOf(context).conversations.updateActivity(conversationId, activityId, activity as never),
          backoff(),
        );
      });
      const id = toPostedId(conversationId, activityId);
      noteRedraw(id, message);
      await keep(id, message);
    },
    async knownProblem(address) {
      const found = await findConversation(references, conversationOf(address));
      return found ? found.reference.gone : 'not_installed';
    },
  };
}
