/**
 * What the knowledge base did in a period, for CoE leads: what people asked most, where it failed them
 * (the `gaps` clusters), which articles need a review, which helped, and which new articles closed a gap.
 * Separate from `measurePeriod` because it needs the loaded articles as well as the database.
 */
import { clusterGaps } from '../knowledge/learning/gap-clusters.ts';
import type { Article } from '../model/article.ts';
import type { DbOrTx } from '../store/db.ts';
import { listGapQuestions } from '../store/gap-questions.ts';
import { type OverdueReview, overdueReviews, type PublishedArticle, publishedArticles } from './article-lifecycle.ts';
import type { Period } from './period.ts';
import { type HelpfulArticle, helpfulArticles, type TopQuestion, topQuestions } from './question-metrics.ts';

export interface GapSummary {
  count: number;
  /** The cluster's most recent wording. */
  example: string;
  /** The article offered most often for these questions, if one was. */
  suggested: { articleId: string; title: string | null } | null;
}

export interface KnowledgeFigures {
  topQuestions: TopQuestion[];
  /** Of the period's gap questions, how many were grouped (at most `gapQuestionLimit`, the latest). */
  gapQuestions: number;
  topGaps: GapSummary[];
  overdueReviews: OverdueReview[];
  helpfulArticles: HelpfulArticle[];
  published: PublishedArticle[];
}

/** The articles the desk serves: the knowledge base, or anything that lists them. */
export interface ArticleSource {
  articles(): readonly Article[];
  get(id: string): Article | undefined;
}

export interface KnowledgeOptions {
  topQuestions?: number;
  topGaps?: number;
  topHelpful?: number;
  /** Votes (👍 or 👎) an article needs before its helpful rate is worth ranking. */
  minVotes?: number;
  /** As `gaps`: grouping compares questions with each other, so only the latest this many are grouped. */
  gapQuestionLimit?: number;
}

export const knowledgeDefaults: Required<KnowledgeOptions> = {
  topQuestions: 10,
  topGaps: 5,
  topHelpful: 5,
  minVotes: 3,
  gapQuestionLimit: 5000,
};

export async function measureKnowledge(
  db: DbOrTx,
  kb: ArticleSource,
  period: Period,
  options: KnowledgeOptions = {},
): Promise<KnowledgeFigures> {
  const o = { ...knowledgeDefaults, ...options };
  // Independent reads, sent together (see measurePeriod).
  const [gapQuestions, top, helpful, published] = await Promise.all([
    listGapQuestions(db, period.from, o.gapQuestionLimit, { until: period.to }),
    topQuestions(db, period, o.topQuestions),
    helpfulArticles(db, period, { top: o.topHelpful, minVotes: o.minVotes }, (id) => kb.get(id)),
    publishedArticles(db, kb.articles(), period),
  ]);
  const topGaps = clusterGaps(gapQuestions)
    .slice(0, o.topGaps)
    .map((c) => ({
      count: c.count,
      example: c.examples[0] ?? '',
      suggested: c.suggested ? { articleId: c.suggested, title: kb.get(c.suggested)?.title ?? null } : null,
    }));
  return {
    topQuestions: top,
    gapQuestions: gapQuestions.length,
    topGaps,
    overdueReviews: overdueReviews(kb.articles(), period),
    helpfulArticles: helpful,
    published,
  };
}
