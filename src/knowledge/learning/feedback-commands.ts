import type { DeskContext } from '../../desk-context.ts';
import { deskCopy } from '../../messages/desk-copy.ts';
import type { Message } from '../../messages/message.ts';
import type { Person } from '../../model/person.ts';
import { forgetLesson, lessonVotes } from '../../store/feedback-lessons.ts';
import { lessonStrength } from './feedback-votes.ts';

const c = deskCopy.lessons;
/** `kb feedback` lists at most this many lessons, newest first. */
const shown = 50;

/** `kb feedback [article]`: what 👎 taught that is still open, with the votes behind each. */
export async function listFeedbackLessons(ctx: DeskContext, articleId: string | undefined): Promise<Message> {
  if (articleId && !ctx.kb.get(articleId)) return { text: deskCopy.learned.noArticle(articleId) };
  const lessons = await lessonVotes(ctx.db, articleId ? { articleId } : {});
  if (lessons.length === 0) return { text: c.none(articleId) };
  const lines = lessons.slice(0, shown).map((l) => c.line({ ...l, strength: lessonStrength(l) }));
  const more = lessons.length > shown ? [c.more(lessons.length - shown, articleId)] : [];
  return { text: [c.heading, ...lines, ...more].join('\n') };
}

/** `kb forget F<n>`: the question is no longer ranked lower for the article (marked, never deleted). */
export async function forgetFeedbackLesson(ctx: DeskContext, person: Person, id: number): Promise<Message> {
  const removed = await forgetLesson(ctx.db, id, person.id, ctx.clock.now());
  if (!removed) return { text: c.notInUse(id) };
  ctx.kb.penalise(removed.articleId, removed.question, 0);
  ctx.log.info('feedback lesson forgotten', { by: person.id, lesson: removed.id, article: removed.articleId });
  return { text: c.forgotten(removed.question, removed.articleId) };
}
