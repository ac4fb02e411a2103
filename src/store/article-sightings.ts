import { sql } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { articleSightings } from './digest-schema.ts';

export interface ArticleSighting {
  articleId: string;
  firstSeenAt: Date;
  /** Seen by the desk's first load: it was there before the desk, not published since. */
  baseline: boolean;
}

/**
 * Notes the articles loaded at `at`; an id seen before keeps its first sighting. When nothing was ever
 * sighted (the first start, or the first since sightings began), every row is baseline.
 */
export async function recordArticleSightings(db: DbOrTx, articleIds: readonly string[], at: Date): Promise<void> {
  if (articleIds.length === 0) return;
  const [any] = await db.select({ id: articleSightings.articleId }).from(articleSightings).limit(1);
  await db
    .insert(articleSightings)
    .values(articleIds.map((articleId) => ({ articleId, firstSeenAt: at, baseline: any === undefined })))
    .onConflictDoNothing();
}

/** Sightings of articles first seen at or after `since` (baseline ones left out). */
export async function sightingsSince(db: DbOrTx, since: Date): Promise<ArticleSighting[]> {
  return db
    .select()
    .from(articleSightings)
    .where(
      sql`${articleSightings.firstSeenAt} >= ${since.toISOString()}::timestamptz and not ${articleSightings.baseline}`,
    );
}
