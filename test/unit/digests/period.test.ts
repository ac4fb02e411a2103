import { describe, expect, it } from 'vitest';
import { parsePeriod, periodOf, previousPeriod } from '../../../src/digests/period.ts';

describe('a report period', () => {
  it('is whole local days, from included and to excluded, at the zone’s midnights', () => {
    const parsed = parsePeriod({ from: '2026-06-01', to: '2026-06-08' }, 'Europe/London');
    expect(parsed).toEqual({
      ok: true,
      period: {
        fromDate: '2026-06-01',
        toDate: '2026-06-08',
        timeZone: 'Europe/London',
        from: new Date('2026-05-31T23:00:00Z'),
        to: new Date('2026-06-07T23:00:00Z'),
        days: 7,
      },
    });
  });

  it('spans a clock change as lived: the week of 29 March 2026 in London is 167 hours', () => {
    const week = periodOf('2026-03-23', '2026-03-30', 'Europe/London');
    expect((week.to.getTime() - week.from.getTime()) / 3_600_000).toBe(167);
  });

  it('refuses what is not a real date, an empty or backwards span, and more than 366 days', () => {
    const problem = (from: string, to: string) => {
      const parsed = parsePeriod({ from, to }, 'UTC');
      return parsed.ok ? undefined : parsed.problem;
    };
    expect(problem('2026-02-30', '2026-03-02')).toEqual({ code: 'not_a_date', field: 'from', given: '2026-02-30' });
    expect(problem('2026-02-01', 'tomorrow')).toEqual({ code: 'not_a_date', field: 'to', given: 'tomorrow' });
    expect(problem('2026-03-02', '2026-03-01')).toEqual({ code: 'not_after', from: '2026-03-02', to: '2026-03-01' });
    expect(problem('2026-03-02', '2026-03-02')).toMatchObject({ code: 'not_after' });
    expect(problem('2024-01-01', '2025-01-01')).toBeUndefined();
    expect(problem('2024-01-01', '2025-01-02')).toEqual({ code: 'too_long', days: 367, max: 366 });
  });

  it('compares with the same number of days just before', () => {
    expect(previousPeriod(periodOf('2026-11-23', '2026-11-30', 'UTC'))).toMatchObject({
      fromDate: '2026-11-16',
      toDate: '2026-11-23',
      days: 7,
    });
    expect(previousPeriod(periodOf('2026-03-01', '2026-04-01', 'UTC'))).toMatchObject({
      fromDate: '2026-01-29',
      toDate: '2026-03-01',
      days: 31,
    });
  });
});
