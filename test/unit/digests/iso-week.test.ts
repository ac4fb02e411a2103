import { describe, expect, it } from 'vitest';
import {
  isoWeekOf,
  isoWeekOfDate,
  mondayOf,
  parseIsoWeek,
  shiftWeek,
  weekPeriod,
} from '../../../src/digests/iso-week.ts';

describe('ISO weeks', () => {
  it('names the week a date falls in, across year ends as the calendar does', () => {
    expect(isoWeekOfDate('2026-11-30')).toBe('2026-W49');
    expect(isoWeekOfDate('2026-11-29')).toBe('2026-W48');
    expect(isoWeekOfDate('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOfDate('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOfDate('2026-01-01')).toBe('2026-W01');
  });

  it('reads weeks that exist and refuses those that do not', () => {
    expect(parseIsoWeek('2026-w48')).toBe('2026-W48');
    expect(parseIsoWeek('2020-W53')).toBe('2020-W53');
    expect(parseIsoWeek('2026-W53')).toBe('2026-W53');
    expect(parseIsoWeek('2025-W53')).toBeUndefined();
    expect(parseIsoWeek('2026-W00')).toBeUndefined();
    expect(parseIsoWeek('2026-48')).toBeUndefined();
  });

  it('moves by weeks and gives a week as its seven local days', () => {
    expect(mondayOf('2026-W48')).toBe('2026-11-23');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2026-W48', 8)).toBe('2027-W03'); // 2026 has a week 53
    const week = weekPeriod('2026-W48', 'Europe/Berlin');
    expect([week.fromDate, week.toDate, week.days]).toEqual(['2026-11-23', '2026-11-30', 7]);
    expect(week.from.toISOString()).toBe('2026-11-22T23:00:00.000Z');
  });

  it('reads the week in the CoE time zone: late Sunday in New York is Monday in UTC', () => {
    const instant = new Date('2026-11-30T03:00:00Z');
    expect(isoWeekOf(instant, 'America/New_York')).toBe('2026-W48');
    expect(isoWeekOf(instant, 'UTC')).toBe('2026-W49');
  });
});
