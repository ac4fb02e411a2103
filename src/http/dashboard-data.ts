import { weekPeriod } from '../digests/iso-week.ts';
import type { Period } from '../digests/period.ts';
import { measureTicketSlice, type TicketSlice } from '../digests/ticket-slices.ts';
import { measureWithPrevious, type PeriodComparison } from '../digests/week-over-week.ts';
import { measureWeeklySeries, type WeekPoint } from '../digests/weekly-series.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { clusterGaps, type GapCluster } from '../knowledge/learning/gap-clusters.ts';
import type { Article } from '../model/article.ts';
import type { SlaPolicies } from '../sla/sla-policy.ts';
import { localDateOf } from '../sla/zoned-time.ts';
import { type BreachEntry, type LowScoreEntry, listBreaches, listLowScores } from '../store/dashboard-lists.ts';
import type { Db } from '../store/db.ts';
import { listGapQuestions } from '../store/gap-questions.ts';
import type { DashboardQuery } from './dashboard-query.ts';

export interface DashboardSources {
  db: Db;
  sla: SlaPolicies;
  kb: KnowledgeBase;
  timeZone: string;
}

export interface DashboardData {
  query: DashboardQuery;
  period: Period;
  comparison: PeriodComparison;
  slice: TicketSlice;
  trends: WeekPoint[];
  gaps: (GapCluster & { suggestedTitle?: string | undefined })[];
  breaches: BreachEntry[];
  lowScores: LowScoreEntry[];
  stale: Article[];
}

/** Grouping compares questions with each other: past this many in a week, only the most recent are grouped. */
const maxGapQuestions = 5000;
const gapsShown = 10;
/** Weeks the trends show, ending with the chosen one. */
export const trendWeeks = 12;

/** Everything the page shows for one week and filter, read one query after another (PGlite has one connection). */
export async function gatherDashboard(s: DashboardSources, query: DashboardQuery, now: Date): Promise<DashboardData> {
  const period = weekPeriod(query.week, s.timeZone);
  const filter = { platform: query.platform, tier: query.tier };
  const comparison = await measureWithPrevious(s.db, period, s.sla);
  const slice = await measureTicketSlice(s.db, period, filter);
  // The trends follow the platform filter: each week's questions, deflection and CSAT of that platform's people.
  const trends = await measureWeeklySeries(s.db, {
    lastWeek: query.week,
    weeks: trendWeeks,
    timeZone: s.timeZone,
    ...(query.platform ? { platform: query.platform } : {}),
  });
  const questions = await listGapQuestions(s.db, period.from, maxGapQuestions, {
    platform: query.platform,
    until: period.to,
  });
  const gaps = clusterGaps(questions)
    .slice(0, gapsShown)
    .map((g) => ({ ...g, suggestedTitle: g.suggested ? s.kb.get(g.suggested)?.title : undefined }));
  const today = localDateOf(now, s.timeZone);
  const stale = s.kb
    .articles()
    .filter((a) => a.reviewBy !== undefined && a.reviewBy < today)
    .sort((a, b) => (a.reviewBy ?? '').localeCompare(b.reviewBy ?? '') || a.id.localeCompare(b.id));
  return {
    query,
    period,
    comparison,
    slice,
    trends,
    gaps,
    breaches: await listBreaches(s.db, period.from, period.to, filter),
    lowScores: await listLowScores(s.db, period.from, period.to, filter),
    stale,
  };
}
