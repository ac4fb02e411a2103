import type { HeadlineKey } from './headline-figures.ts';
import type { Change } from './week-over-week.ts';

/**
 * Which week-over-week changes a lead should read first. Counts and rates move on different scales, so each
 * is measured against what counts as a big move for its kind: a quarter up or down for a count, ten points
 * for a rate, one level for maturity. Counts too small to mean anything (both weeks under `minCount`) are
 * left out, as are figures that repeat another (the CSAT average beside the CSAT share).
 */
const rateKeys: readonly HeadlineKey[] = [
  'deflectionRate',
  'helpfulRate',
  'firstContactResolution',
  'slaCompliance',
  'csat',
  'csatResponseRate',
];
const left: readonly HeadlineKey[] = ['csatAverage', 'returningUsers'];
const bigCountMove = 0.25;
const bigRateMove = 0.1;
const minCount = 5;

export interface RankedChange {
  key: HeadlineKey;
  change: Change;
}

function weight(key: HeadlineKey, change: Change): number {
  if (change.delta === null || change.delta === 0) return 0;
  if (key === 'maturityLevel') return Math.abs(change.delta) / 100;
  if (rateKeys.includes(key)) return Math.abs(change.delta) / bigRateMove;
  const [before, now] = [change.previous ?? 0, change.current ?? 0];
  if (Math.max(before, now) < minCount) return 0;
  // From nothing to something is as big as a count gets.
  return change.relative === null ? 1 : Math.abs(change.relative) / bigCountMove;
}

/** The `n` biggest changes, biggest first; fewer when fewer figures moved. */
export function biggestChanges(changes: Readonly<Record<HeadlineKey, Change>>, n = 3): RankedChange[] {
  return (Object.entries(changes) as [HeadlineKey, Change][])
    .filter(([key]) => !left.includes(key))
    .map(([key, change]) => ({ key, change, weight: weight(key, change) }))
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, n)
    .map(({ key, change }) => ({ key, change }));
}
