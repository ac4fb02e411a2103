import type { SlaPolicies } from '../sla/sla-policy.ts';
import type { DbOrTx } from '../store/db.ts';
import { type HeadlineFigures, type HeadlineKey, headlineOf } from './headline-figures.ts';
import { assessMaturity, type Maturity } from './maturity.ts';
import { measurePeriod } from './measure-period.ts';
import type { MetricsReport } from './metrics-report.ts';
import { type Period, previousPeriod } from './period.ts';

/** A headline figure then and now: `delta` is now − then (points of a rate), `relative` that over then. */
export interface Change {
  previous: number | null;
  current: number | null;
  delta: number | null;
  relative: number | null;
}

export interface PeriodComparison {
  current: MetricsReport;
  previous: MetricsReport;
  maturity: Maturity;
  headline: HeadlineFigures;
  previousHeadline: HeadlineFigures;
  changes: Record<HeadlineKey, Change>;
}

export function changeOf(previous: number | null, current: number | null): Change {
  const delta = previous === null || current === null ? null : current - previous;
  return { previous, current, delta, relative: delta === null || !previous ? null : delta / previous };
}

export function compareHeadlines(previous: HeadlineFigures, current: HeadlineFigures): Record<HeadlineKey, Change> {
  const keys = Object.keys(current) as HeadlineKey[];
  return Object.fromEntries(keys.map((k) => [k, changeOf(previous[k], current[k])])) as Record<HeadlineKey, Change>;
}

/** The period's figures and the same for the period of equal length just before it (last week, for a week). */
export async function measureWithPrevious(db: DbOrTx, period: Period, sla: SlaPolicies): Promise<PeriodComparison> {
  // Side by side, as the queries inside each (see measurePeriod).
  const [current, previous] = await Promise.all([
    measurePeriod(db, period, sla),
    measurePeriod(db, previousPeriod(period), sla),
  ]);
  const maturity = assessMaturity(current);
  const headline = headlineOf(current, maturity);
  const previousHeadline = headlineOf(previous);
  return {
    current,
    previous,
    maturity,
    headline,
    previousHeadline,
    changes: compareHeadlines(previousHeadline, headline),
  };
}
