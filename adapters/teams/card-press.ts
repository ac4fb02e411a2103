import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { Desk } from '../../src/desk.ts';
import type { Logger } from '../../src/log.ts';
import { copy } from '../../src/messages/copy.ts';
import type { Message } from '../../src/messages/message.ts';
import { type ExecuteInvoke, fromCardData, type TeamsActivity, toPerson, toPlace } from './inbound.ts';
import { findCard, settledCard } from './kept-cards.ts';
import { toPostedId } from './posted-ids.ts';
import { duringPress } from './press-scope.ts';
import type { ReferenceStore } from './references.ts';
import { toAdaptiveCard } from './render.ts';
import type { TeamsOutbox } from './teams-outbox.ts';

/**
 * How long a press may work before its invoke is answered without waiting for it: Teams shows "Something
 * went wrong" and retries the press when its answer is late (a few seconds).
 */
export const pressBudgetMs = 4_000;

export interface PressServices {
  desk: Desk;
  references: ReferenceStore;
  outbox: TeamsOutbox;
  log: Logger;
  /** Work that goes on after the invoke is answered: `idle` waits for it. */
  track(work: Promise<unknown>): void;
}

const cardResponse = (message: Message): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: toAdaptiveCard(message) as never,
});
/** Teams shows the text briefly and leaves the card as it was. */
const textResponse = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text as never,
});

/**
 * Action.Execute. The card this answers with replaces the pressed one for the presser, so it is that card
 * as it now stands: as the desk redrew it (a queue card after Claim), or with its buttons resolved to what
 * was chosen when the press settled its question (👍 on an answer keeps the article), or as it was (a
 * prompt or a refusal). What the desk replied follows as messages, after the invoke is answered. A form's
 * submit is different: the form was the prompt, and its result takes its place.
 */
export async function answerPress(
  services: PressServices,
  activity: TeamsActivity,
  pressed: ExecuteInvoke,
): Promise<AdaptiveCardInvokeResponse> {
  const postedId = activity.replyToId ? toPostedId(activity.conversation.id, activity.replyToId) : '';
  const shown = postedId ? await findCard(services.references, postedId) : undefined;
  // A refresh Teams asks for by itself (the card came into view) must not press anything.
  if (pressed.trigger === 'automatic') return shown ? cardResponse(shown) : textResponse(copy.platform.done);
  const data = fromCardData(pressed.action.data);
  const from = toPerson(activity);
  const work = duringPress(postedId, () => services.desk.handle({ ...data, from, place: toPlace(activity) }));
  const quick = await Promise.race([work, delay(pressBudgetMs)]);
  const followUp = (replies: Message[]) => services.track(sendFollowUps(services, activity, replies));
  if (!quick) {
    services.track(work.then(({ result }) => sendFollowUps(services, activity, result)));
    return textResponse(copy.platform.working);
  }
  const { result: replies, redrawn } = quick;
  const [first, ...rest] = replies;
  if (data.kind === 'form' || (!shown && !redrawn)) {
    followUp(rest);
    return cardResponse(first ?? { text: copy.platform.done });
  }
  followUp(replies);
  if (redrawn) return cardResponse(redrawn);
  return cardResponse(
    first?.settles && shown ? settledCard(shown, from.displayName ?? 'You', data) : (shown as Message),
  );
}

const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref());

/** The replies, as replies to the press where the card was; a message the desk will edit is reported. */
async function sendFollowUps(services: PressServices, activity: TeamsActivity, replies: Message[]): Promise<void> {
  for (const reply of replies) {
    try {
      const posted = activity.id
        ? await services.outbox.reply(activity.conversation.id, activity.id, reply)
        : await services.outbox.post(activity.conversation.id, reply);
      if (reply.remember) await services.desk.posted(reply.remember, posted);
    } catch (err) {
      services.log.error('teams reply to a press not delivered', { conversation: activity.conversation.id, err });
    }
  }
}
