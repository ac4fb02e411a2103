import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import { pulseCopy } from '../messages/pulse-copy.ts';
import type { PlaceRef } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import { openPulseAskOf, type PulseAsk } from '../store/pulse-runs.ts';
import { recordAnswer } from '../store/survey-asks.ts';
import { answerable } from './answer-pulse.ts';
import type { FeedbackHandling } from './feedback-classing.ts';
import { giveFeedback } from './give-feedback.ts';

/**
 * `survey answer <n> <text>`: a free-text answer to question n of the newest open pulse sent to this person.
 * It is feedback too (source pulse): classed, acknowledged in words that fit, a complaint followed up.
 */
export async function answerPulseInWords(
  ctx: DeskContext,
  handling: FeedbackHandling,
  person: Person,
  place: PlaceRef,
  answer: { question: number; text: string },
): Promise<Message> {
  const ask = await openPulseAskOf(ctx.db, person.id, ctx.clock.now());
  if (!ask) return { text: pulseCopy.noOpenSurvey };
  return answerInWords(ctx, handling, person, place, ask, answer);
}

/** A written answer to question n of one pulse ask (checked: theirs, sent, open, a text question), kept and heard. */
export async function answerInWords(
  ctx: DeskContext,
  handling: FeedbackHandling,
  person: Person,
  place: PlaceRef,
  ask: PulseAsk | undefined,
  answer: { question: number; text: string },
): Promise<Message> {
  const now = ctx.clock.now();
  const check = await answerable(ctx, person, ask, answer.question - 1);
  if (!check.ok || !ask) return check.ok ? { text: pulseCopy.noOpenSurvey } : check.reply;
  if (check.question.kind !== 'text') return { text: pulseCopy.notText(answer.question) };
  await recordAnswer(ctx.db, { askId: ask.id, question: check.question.id, text: answer.text, answeredAt: now });
  return giveFeedback(ctx, handling, person, place, answer.text, { ask });
}
