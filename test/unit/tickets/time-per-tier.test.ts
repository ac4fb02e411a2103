import { describe, expect, it } from 'vitest';
import { formatDuration, timePerTier } from '../../../src/tickets/time-per-tier.ts';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);

describe('timePerTier', () => {
  it('splits the time between the tiers a ticket passed through, back and forth', () => {
    const hops = [
      { at: at('10:00'), to: 'tier2' as const },
      { at: at('11:30'), to: 'tier1' as const },
      { at: at('12:00'), to: 'tier3' as const },
    ];
    expect(timePerTier(at('09:00'), hops, at('13:00'))).toEqual({
      tier1: 90 * 60_000,
      tier2: 90 * 60_000,
      tier3: 60 * 60_000,
    });
  });

  it('counts everything as Tier 1 for a ticket that never moved', () => {
    expect(timePerTier(at('09:00'), [], at('09:45'))).toEqual({ tier1: 45 * 60_000 });
  });
});

describe('formatDuration', () => {
  it.each([
    [45 * 60_000, '45m'],
    [185 * 60_000, '3h 05m'],
    [(2 * 24 + 4) * 3_600_000, '2d 4h'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
