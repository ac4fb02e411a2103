import type { SlaPolicies } from '../sla/sla-policy.ts';
import type { DbOrTx } from '../store/db.ts';
import { biggestChanges, type RankedChange } from './biggest-changes.ts';
import { type BreachWithoutCapa, breachesWithoutCapa, type LowScore, lowScores } from './digest-lists.ts';
import { weekPeriod } from './iso-week.ts';
import { type ArticleSource, type KnowledgeFigures, measureKnowledge } from './knowledge-metrics.ts';
import type { Period } from './period.ts';
import { measureWithPrevious, type PeriodComparison } from './week-over-week.ts';

/**
 * Everything one week's digest says, as data: the figures with last week's beside them, what moved most,
 * and the lists a lead acts on. Every view (the chat digest on each platform, the dashboard) renders this.
 */
export interface WeeklyDigest {
  /** `2026-W48`. */
  week: string;
  period: Period;
  comparison: PeriodComparison;
  biggestChanges: RankedChange[];
  breachesWithoutCapa: BreachWithoutCapa[];
  lowScores: LowScore[];
  /** Top questions, gap clusters, overdue reviews, helpful and newly published articles. */
  knowledge: KnowledgeFigures;
}

export interface DigestSources {
  db: DbOrTx;
  sla: SlaPolicies;
  /** The articles, for the knowledge figures (overdue reviews, what new articles answered). */
  kb: ArticleSource;
  /** COE_TIME_ZONE: a week is its seven local days there. */
  timeZone: string;
}

export async function buildWeeklyDigest(sources: DigestSources, week: string): Promise<WeeklyDigest> {
  const period = weekPeriod(week, sources.timeZone);
  // Independent reads, sent together (see measurePeriod: PGlite queues them, Postgres runs them side by side).
  const [comparison, breaches, low, knowledge] = await Promise.all([
    measureWithPrevious(sources.db, period, sources.sla),
    breachesWithoutCapa(sources.db, period),
    lowScores(sources.db, period),
    measureKnowledge(sources.db, sources.kb, period),
  ]);
  return {
    week,
    period,
    comparison,
    biggestChanges: biggestChanges(comparison.changes),
    breachesWithoutCapa: breaches,
    lowScores: low,
    knowledge,
  };
}
