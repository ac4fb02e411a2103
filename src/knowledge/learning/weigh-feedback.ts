import type { DeskContext } from '../../desk-context.ts';
import { normalizedWording } from '../../model/wording.ts';
import { lessonVotes, openLesson } from '../../store/feedback-lessons.ts';
import { lessonStrength } from './feedback-votes.ts';

/**
 * After a 👍, a 👎 or a pick: weighs anew what 👎 taught about this article and question, from the votes
 * of different people (feedback-votes.ts), and ranks by that from the next question on. `unhelpful`: this
 * was a 👎, which opens the lesson when none is open.
 */
export async function weighFeedback(
  ctx: DeskContext,
  articleId: string,
  question: string,
  unhelpful: boolean,
): Promise<void> {
  const normalized = normalizedWording(question);
  if (unhelpful) await openLesson(ctx.db, { articleId, question, normalized, at: ctx.clock.now() });
  const [lesson] = await lessonVotes(ctx.db, { articleId, normalized });
  if (!lesson) return;
  const strength = lessonStrength(lesson);
  ctx.kb.penalise(articleId, question, strength);
  ctx.log.info('feedback weighed', {
    lesson: lesson.id,
    article: articleId,
    against: lesson.against,
    confirmed: lesson.confirmed,
    strength,
  });
}
