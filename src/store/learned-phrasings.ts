import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { normalizedWording } from '../model/wording.ts';
import type { DbOrTx } from './db.ts';
import { learnedPhrasings } from './schema.ts';

export type LearnedRow = typeof learnedPhrasings.$inferSelect;

/** Stores a confirmed phrasing; false when it was known already (or removed by an admin before). */
export async function rememberPhrasing(
  db: DbOrTx,
  articleId: string,
  phrasing: string,
  interactionId: string,
  at: Date,
): Promise<boolean> {
  const inserted = await db
    .insert(learnedPhrasings)
    .values({
      articleId,
      phrasing: phrasing.trim(),
      normalized: normalizedWording(phrasing),
      interactionId,
      createdAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: learnedPhrasings.id });
  return inserted.length > 0;
}

export async function activePhrasings(db: DbOrTx): Promise<{ articleId: string; phrasing: string }[]> {
  return db
    .select({ articleId: learnedPhrasings.articleId, phrasing: learnedPhrasings.phrasing })
    .from(learnedPhrasings)
    .where(isNull(learnedPhrasings.removedAt))
    .orderBy(asc(learnedPhrasings.id));
}

/**
 * The newest phrasings in use (a wrong one is most likely among the latest, and its number is what `kb
 * forget` needs), at most `limit`, and how many are in use in all.
 */
export async function listPhrasings(
  db: DbOrTx,
  articleId?: string,
  limit = 50,
): Promise<{ rows: LearnedRow[]; total: number }> {
  const where = and(
    isNull(learnedPhrasings.removedAt),
    ...(articleId ? [eq(learnedPhrasings.articleId, articleId)] : []),
  );
  const rows = await db.select().from(learnedPhrasings).where(where).orderBy(desc(learnedPhrasings.id)).limit(limit);
  return { rows, total: await db.$count(learnedPhrasings, where) };
}

export async function forgetPhrasing(db: DbOrTx, id: number, by: number, at: Date): Promise<LearnedRow | undefined> {
  const [row] = await db
    .update(learnedPhrasings)
    .set({ removedAt: at, removedBy: by })
    .where(and(eq(learnedPhrasings.id, id), isNull(learnedPhrasings.removedAt)))
    .returning();
  return row;
}

/**
 * The phrasing a person's own pick or 👍 taught, taken back when they then say the article did not help:
 * marked removed like an admin's `kb forget`, by them. Returns whether one was in use.
 */
export async function retractPhrasing(db: DbOrTx, interactionId: string, by: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(learnedPhrasings)
    .set({ removedAt: at, removedBy: by })
    .where(and(eq(learnedPhrasings.interactionId, interactionId), isNull(learnedPhrasings.removedAt)))
    .returning({ id: learnedPhrasings.id });
  return rows.length > 0;
}
