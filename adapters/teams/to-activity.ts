import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import { cutText } from '../../src/messages/cut-text.ts';
import type { Message } from '../../src/messages/message.ts';
import { jsonBytes, largestFitting, trimCard } from './fit-card.ts';
import { teamsLimits as limits } from './limits.ts';
import { toAdaptiveCard } from './render.ts';

/**
 * A neutral message as a Teams message activity: the card, with its text as the notification summary.
 * Teams' size limit is the whole activity as sent (card, attachment, summary, addressing), so it is measured
 * whole: first the card's trailing elements go (never its buttons or inputs), then the summary and the card's
 * fallback text are cut.
 */
export function toActivity(message: Message): Partial<Activity> {
  const card = toAdaptiveCard(message);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = card.fallbackText;
  // The addressing is added after rendering (a reply's or a proactive post's): limits.cardBytes leaves room.
  const size = () => jsonBytes(activity);
  if (trimCard(card, size, limits.cardBytes)) return activity;
  const cutSummary = (chars: number) => {
    activity.summary = card.fallbackText = cutText(message.text, chars);
  };
  // Over even so (the buttons alone nearly fill it): the longest summary that fits, or the shortest allowed.
  cutSummary(
    largestFitting(limits.minSummaryChars, limits.summaryChars, (chars) => {
      cutSummary(chars);
      return size() <= limits.cardBytes;
    }),
  );
  return activity;
}
