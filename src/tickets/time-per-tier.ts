import { isTier, type Tier } from '../model/tiers.ts';

export interface TierHop {
  at: Date;
  to: Tier;
}

/** One row of a ticket's history, as far as tiers are concerned. */
export interface TierEvent {
  kind: string;
  at: Date;
  from: string | null;
  to: string | null;
}

/** The history kinds that move a ticket from one tier to another. */
const tierMoves = ['escalated', 'deescalated', 'vendor'];
const isMove = (e: TierEvent) => tierMoves.includes(e.kind) && e.to !== null && isTier(e.to);

/** Every move between tiers in a ticket's history (oldest first, as the history is). */
export const tierHops = (events: readonly TierEvent[]): TierHop[] =>
  events.filter(isMove).map((e) => ({ at: e.at, to: e.to as Tier }));

/**
 * The tier a ticket was opened at: where its first move started from, or where it still is. Most tickets
 * open at Tier 1; a follow-up of feedback opens at the tier that resolved the ticket the feedback is about.
 */
export function openingTier(events: readonly TierEvent[], current: Tier): Tier {
  const from = events.find(isMove)?.from;
  return from && isTier(from) ? from : current;
}

/** The tier that held the ticket when it was last resolved; one never resolved: where it is now. */
export function tierWhenResolved(events: readonly TierEvent[], current: Tier): Tier {
  const last = events.findLastIndex((e) => e.kind === 'resolved');
  if (last < 0) return current;
  return events
    .slice(0, last)
    .reduce<Tier>((tier, e) => (isMove(e) ? (e.to as Tier) : tier), openingTier(events, current));
}

/**
 * How long a ticket spent with each tier (wall-clock), from its opening at `start` through every hop to `end`
 * (its resolution, or now).
 */
export function timePerTier(openedAt: Date, hops: TierHop[], end: Date, start: Tier): Partial<Record<Tier, number>> {
  const spent: Partial<Record<Tier, number>> = {};
  let tier: Tier = start;
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
