import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { Message } from '../../src/messages/message.ts';
import { toAdaptiveCard } from './render.ts';

/** A neutral message as a Teams message activity: the card, with its text as the notification summary. */
export function toActivity(message: Message): Partial<Activity> {
  const card = toAdaptiveCard(message);
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = card.fallbackText;
  return activity;
}
