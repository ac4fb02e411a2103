import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  openingTier,
  type TierEvent,
  tierWhenResolved,
  timePerTier,
} from '../../../src/tickets/time-per-tier.ts';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);

describe('timePerTier', () => {
  it('splits the time between the tiers a ticket passed through, back and forth', () => {
    const hops = [
      { at: at('10:00'), to: 'tier2' as const },
      { at: at('11:30'), to: 'tier1' as const },
      { at: at('12:00'), to: 'tier3' as const },
    ];
    expect(timePerTier(at('09:00'), hops, at('13:00'), 'tier1')).toEqual({
      tier1: 90 * 60_000,
      tier2: 90 * 60_000,
      tier3: 60 * 60_000,
    });
  });

  it('counts everything as Tier 1 for a ticket that never moved', () => {
    expect(timePerTier(at('09:00'), [], at('09:45'), 'tier1')).toEqual({ tier1: 45 * 60_000 });
  });
});

describe('the tier a ticket opened at, and the one that resolved it', () => {
  const event = (kind: string, from: string | null = null, to: string | null = null): TierEvent => ({
    kind,
    at: at('10:00'),
    from,
    to,
  });

  it('reads them from the moves in its history', () => {
    const history = [
      event('opened', null, 'new'),
      event('escalated', 'tier1', 'tier2'),
      event('resolved', 'in_progress', 'resolved'),
      event('reopened', 'resolved', 'in_progress'),
      event('escalated', 'tier2', 'tier3'),
    ];
    expect(openingTier(history, 'tier3')).toBe('tier1');
    // Moved on after a reopen: the resolution it was asked about was Tier 2's.
    expect(tierWhenResolved(history, 'tier3')).toBe('tier2');
  });

  it('takes where the ticket is for one that never moved, or was never resolved', () => {
    expect(openingTier([event('opened')], 'tier2')).toBe('tier2');
    expect(tierWhenResolved([event('opened'), event('resolved')], 'tier2')).toBe('tier2');
    expect(tierWhenResolved([event('opened'), event('escalated', 'tier1', 'tier2')], 'tier2')).toBe('tier2');
  });
});

describe('formatDuration', () => {
  it.each([
    [45 * 60_000, '45m'],
    [185 * 60_000, '3h 05m'],
    [(2 * 24 + 4) * 3_600_000, '2d 4h'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
