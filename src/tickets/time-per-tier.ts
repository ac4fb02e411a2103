import type { Tier } from '../model/tiers.ts';

export interface TierHop {
  at: Date;
  to: Tier;
}

/**
 * How long a ticket spent with each tier (wall-clock), from its opening through every hop to `end` (its
 * resolution, or now). Tickets start with Tier 1.
 */
export function timePerTier(openedAt: Date, hops: TierHop[], end: Date): Partial<Record<Tier, number>> {
  const spent: Partial<Record<Tier, number>> = {};
  let tier: Tier = 'tier1';
  let since = openedAt;
  for (const hop of [...hops].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    spent[tier] = (spent[tier] ?? 0) + Math.max(0, hop.at.getTime() - since.getTime());
    tier = hop.to;
    since = hop.at;
  }
  spent[tier] = (spent[tier] ?? 0) + Math.max(0, end.getTime() - since.getTime());
  return spent;
}

/** `3h 05m`, `45m`, `2d 4h`: compact enough for one line of a history. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  return `${m}m`;
}
