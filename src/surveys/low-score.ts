import type { DeskContext } from '../desk-context.ts';
import type { PlaceRef } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import { insertFeedback, type SurveyAsk } from '../store/survey-asks.ts';
import { findTicket } from '../store/tickets.ts';
import { classedColumns } from './feedback-class.ts';
import type { FeedbackHandling } from './feedback-classing.ts';
import { openFollowUp } from './follow-up.ts';

/**
 * A score of 1 or 2 is feedback of its own (classed from the score alone) and is followed up by a person:
 * the follow-up ticket's ref. Only when the score newly fell that low, so changing a 2 to a 1 opens nothing more.
 */
export async function followUpLowScore(
  ctx: DeskContext,
  { classify, followUpQueue }: FeedbackHandling,
  person: Person,
  place: PlaceRef,
  ask: SurveyAsk,
  score: number,
): Promise<string> {
  const classed = await classify(ctx, '', score);
  const ticket = ask.ticketId === null ? undefined : await findTicket(ctx.db, ask.ticketId);
  const feedbackId = await insertFeedback(ctx.db, {
    personId: person.id,
    source: 'csat',
    ticketId: ask.ticketId,
    askId: ask.id,
    rating: score,
    ...classedColumns(classed),
    createdAt: ctx.clock.now(),
  });
  return openFollowUp(
    ctx,
    person,
    place,
    {
      feedbackId,
      class: classed.class,
      rating: score,
      askId: ask.id,
      ...(ticket ? { ticket } : {}),
    },
    followUpQueue,
  );
}
