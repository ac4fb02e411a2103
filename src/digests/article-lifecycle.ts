import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Article } from '../model/article.ts';
import { zonedTimeToUtc } from '../sla/zoned-time.ts';
import { sightingsSince } from '../store/article-sightings.ts';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, queryRows } from './query-rows.ts';

export interface OverdueReview {
  articleId: string;
  title: string;
  /** Null: nobody owns it (views say "no owner"). */
  owner: string | null;
  reviewBy: string;
}

export interface PublishedArticle {
  articleId: string;
  title: string;
  publishedAt: Date;
  /** Front matter `published:`, or the desk's first sighting of the file. */
  source: 'front_matter' | 'first_seen';
  /** Questions it answered outright (confident answers) from its publication to the period's end. */
  answered: number;
  /** The latest of those questions, as asked. */
  examples: string[];
}

/**
 * Articles whose `review_by` day had ended by the period's end (review_by before its `to` date), the longest
 * overdue first.
 */
export function overdueReviews(articles: readonly Article[], period: Period): OverdueReview[] {
  return articles
    .filter((a): a is Article & { reviewBy: string } => a.reviewBy !== undefined && a.reviewBy < period.toDate)
    .sort((a, b) => a.reviewBy.localeCompare(b.reviewBy) || a.id.localeCompare(b.id))
    .map((a) => ({ articleId: a.id, title: a.title, owner: a.owner ?? null, reviewBy: a.reviewBy }));
}

const answeredRow = z.object({ answered: count, examples: z.array(z.string()).nullable() });

/**
 * Articles that went live in the period: on their front matter's `published:` day (local midnight in the
 * CoE's zone), or, without one, when the desk first loaded them (the first load of all is a baseline, not a
 * publication). Each with the questions it has answered since, up to the period's end.
 */
export async function publishedArticles(
  db: DbOrTx,
  articles: readonly Article[],
  period: Period,
  examples = 3,
): Promise<PublishedArticle[]> {
  const sighted = new Map((await sightingsSince(db, period.from)).map((s) => [s.articleId, s.firstSeenAt]));
  const found: Omit<PublishedArticle, 'answered' | 'examples'>[] = [];
  for (const a of articles) {
    const stated = a.published ? zonedTimeToUtc(a.published, '00:00', period.timeZone) : undefined;
    const publishedAt = stated ?? sighted.get(a.id);
    if (!publishedAt || publishedAt < period.from || publishedAt >= period.to) continue;
    found.push({ articleId: a.id, title: a.title, publishedAt, source: stated ? 'front_matter' : 'first_seen' });
  }
  const out: PublishedArticle[] = [];
  for (const p of found.sort(
    (x, y) => x.publishedAt.getTime() - y.publishedAt.getTime() || x.articleId.localeCompare(y.articleId),
  )) {
    const [r] = await queryRows(
      db,
      sql`select count(*)::int as answered, (array_agg(i.question order by i.created_at desc, i.id))[1:${examples}] as examples
        from interactions i where i.article_id = ${p.articleId} and i.outcome = 'answered'
          and i.created_at >= ${instant(p.publishedAt)} and i.created_at < ${instant(period.to)}`,
      answeredRow,
    );
    out.push({ ...p, answered: r?.answered ?? 0, examples: r?.examples ?? [] });
  }
  return out;
}
