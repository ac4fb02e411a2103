import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { feedbackLessons, interactions } from './schema.ts';

/** A lesson with the distinct people behind it: who said it did not help, and who confirmed it since. */
export interface LessonVotes {
  id: number;
  articleId: string;
  question: string;
  createdAt: Date;
  against: number;
  confirmed: number;
}

const normalizedSql = sql`lower(regexp_replace(btrim(${interactions.question}), '\\s+', ' ', 'g'))`;

/** Opens the lesson for (article, question) if none is open; the 👎 itself is on the interaction. */
export async function openLesson(db: DbOrTx, v: { articleId: string; question: string; normalized: string; at: Date }) {
  await db
    .insert(feedbackLessons)
    .values({ articleId: v.articleId, question: v.question.trim(), normalized: v.normalized, createdAt: v.at })
    .onConflictDoNothing();
}

/**
 * Open lessons with their votes, from the interactions since each was opened: 👎 against; 👍 or a pick of
 * the article (a clarified question's article, not then 👎'd) for. Optionally for one article or lesson.
 */
export async function lessonVotes(
  db: DbOrTx,
  only: { articleId?: string; normalized?: string } = {},
): Promise<LessonVotes[]> {
  const l = feedbackLessons;
  const i = interactions;
  const rows = await db
    .select({
      id: l.id,
      articleId: l.articleId,
      question: l.question,
      createdAt: l.createdAt,
      against: sql<number>`count(distinct ${i.personId}) filter (where ${i.helpful} = false and ${i.feedbackAt} >= ${l.createdAt})`,
      confirmed: sql<number>`count(distinct ${i.personId}) filter (where (${i.helpful} = true and ${i.feedbackAt} >= ${l.createdAt}) or (${i.outcome} = 'clarified' and ${i.helpful} is null and ${i.createdAt} >= ${l.createdAt}))`,
    })
    .from(l)
    .leftJoin(i, and(eq(i.articleId, l.articleId), eq(normalizedSql, l.normalized)))
    .where(
      and(
        isNull(l.removedAt),
        only.articleId ? eq(l.articleId, only.articleId) : undefined,
        only.normalized ? eq(l.normalized, only.normalized) : undefined,
      ),
    )
    .groupBy(l.id)
    .orderBy(desc(l.createdAt), asc(l.id));
  return rows.map((r) => ({ ...r, against: Number(r.against), confirmed: Number(r.confirmed) }));
}

/** Marks a lesson removed (never deleted); the removed one, or nothing when there is no such open lesson. */
export async function forgetLesson(db: DbOrTx, id: number, by: number, at: Date) {
  const [row] = await db
    .update(feedbackLessons)
    .set({ removedAt: at, removedBy: by })
    .where(and(eq(feedbackLessons.id, id), isNull(feedbackLessons.removedAt)))
    .returning();
  return row;
}
