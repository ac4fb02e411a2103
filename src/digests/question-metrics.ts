import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Article } from '../model/article.ts';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, queryRows } from './query-rows.ts';

export interface TopQuestion {
  /** Lower case, single spaces, trailing punctuation dropped: "How do I print?" and "how do i  print" are one. */
  question: string;
  count: number;
  /** Of those, how many the desk answered outright: a busy question seldom answered is a gap. */
  answered: number;
}

export interface HelpfulArticle {
  articleId: string;
  /** Null when the article is no longer in the knowledge base. */
  title: string | null;
  helpful: number;
  rated: number;
  helpfulRate: number;
}

/** The same normalisation the learned phrasings use, plus trailing ?, ! and . dropped. */
const normalised = sql`regexp_replace(regexp_replace(lower(btrim(g.question)), '\\s+', ' ', 'g'), '[[:space:]?!.]+$', '')`;

/**
 * The questions asked most in the period. Small talk never reaches the knowledge base, so is never among them.
 * Identical wordings are counted first and only the distinct ones normalised: a busy week repeats itself.
 */
export async function topQuestions(db: DbOrTx, period: Period, top: number): Promise<TopQuestion[]> {
  return queryRows(
    db,
    sql`select q.question, sum(q.n)::int as count, sum(q.answered)::int as answered
      from (select ${normalised} as question, g.n, g.answered from (
          select i.question, count(*) as n, count(*) filter (where i.outcome = 'answered') as answered
          from interactions i where i.created_at >= ${instant(period.from)} and i.created_at < ${instant(period.to)}
          group by i.question) g) q
      where q.question <> '' group by q.question order by count desc, q.question limit ${top}`,
    z.object({ question: z.string(), count, answered: count }),
  );
}

/** Articles by 👍 on the answers they gave to questions asked in the period, among those with `minVotes` votes. */
export async function helpfulArticles(
  db: DbOrTx,
  period: Period,
  options: { top: number; minVotes: number },
  titleOf: (id: string) => Article | undefined,
): Promise<HelpfulArticle[]> {
  const rows = await queryRows(
    db,
    sql`select i.article_id, count(*) filter (where i.helpful)::int as helpful, count(*)::int as rated
      from interactions i
      where i.created_at >= ${instant(period.from)} and i.created_at < ${instant(period.to)}
        and i.article_id is not null and i.helpful is not null
      group by i.article_id having count(*) >= ${options.minVotes}
      order by helpful desc, count(*) filter (where i.helpful)::float / count(*) desc, i.article_id
      limit ${options.top}`,
    z.object({ article_id: z.string(), helpful: count, rated: count }),
  );
  return rows
    .filter((r) => r.helpful > 0)
    .map((r) => ({
      articleId: r.article_id,
      title: titleOf(r.article_id)?.title ?? null,
      helpful: r.helpful,
      rated: r.rated,
      helpfulRate: r.helpful / r.rated,
    }));
}
