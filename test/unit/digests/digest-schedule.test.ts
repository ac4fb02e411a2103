import { describe, expect, it } from 'vitest';
import { digestCronProblem, latestDigestTime, reportedWeek } from '../../../src/digests/digest-schedule.ts';

describe('the digest schedule', () => {
  it('finds the latest Monday 09:00 in the CoE time zone, this minute included', () => {
    const monday9 = new Date('2026-11-30T09:00:00Z');
    expect(latestDigestTime('0 9 * * 1', 'Europe/London', monday9)).toEqual(monday9);
    expect(latestDigestTime('0 9 * * 1', 'Europe/London', new Date('2026-11-30T08:59:00Z'))).toEqual(
      new Date('2026-11-23T09:00:00Z'),
    );
    // In summer London is an hour ahead of UTC: 09:00 there is 08:00 UTC.
    expect(latestDigestTime('0 9 * * 1', 'Europe/London', new Date('2026-06-01T12:00:00Z'))).toEqual(
      new Date('2026-06-01T08:00:00Z'),
    );
  });

  it('reports on the whole week before the run', () => {
    expect(reportedWeek(new Date('2026-11-30T09:00:00Z'), 'Europe/London')).toBe('2026-W48');
    expect(reportedWeek(new Date('2027-01-04T09:00:00Z'), 'Europe/London')).toBe('2026-W53');
  });

  it('explains a schedule it cannot use', () => {
    expect(digestCronProblem('0 9 * * 1')).toBeUndefined();
    expect(digestCronProblem('every monday')).toMatch(/5-field/);
    expect(digestCronProblem('0 25 * * 1')).toMatch(/not a valid cron/);
  });
});
