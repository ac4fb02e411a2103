import { describe, expect, it } from 'vitest';
import { cronProblem, nextPulseRun, PulseScheduleError } from '../../../src/surveys/pulse-schedule.ts';

const london = 'Europe/London';
const runs = (cron: string, from: string, count: number, timeZone = london) => {
  const out: string[] = [];
  let after = new Date(from);
  for (let i = 0; i < count; i++) {
    after = nextPulseRun(cron, timeZone, after);
    out.push(after.toISOString());
  }
  return out;
};

describe('nextPulseRun', () => {
  it('runs every Monday at 09:00 London time across the March change to summer time', () => {
    // The clocks go forward on Sunday 29 March 2026: 09:00 is 09:00Z before it and 08:00Z after.
    expect(runs('0 9 * * 1', '2026-03-18T12:00:00Z', 3)).toEqual([
      '2026-03-23T09:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-04-06T08:00:00.000Z',
    ]);
  });

  it('runs every Monday at 09:00 London time across the October change back', () => {
    // The clocks go back on Sunday 25 October 2026.
    expect(runs('0 9 * * 1', '2026-10-14T12:00:00Z', 3)).toEqual([
      '2026-10-19T08:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
      '2026-11-02T09:00:00.000Z',
    ]);
  });

  it('gives the next run strictly after the instant, so a run due now is not run twice', () => {
    expect(nextPulseRun('0 9 * * 1', london, new Date('2026-03-30T08:00:00Z')).toISOString()).toBe(
      '2026-04-06T08:00:00.000Z',
    );
  });

  it('runs every 15 minutes straight through the hour the clocks skip', () => {
    expect(runs('*/15 * * * *', '2026-03-29T00:40:00Z', 4)).toEqual([
      '2026-03-29T00:45:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:15:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
  });

  it('reads the cron in the zone it is given', () => {
    expect(runs('0 9 * * 1', '2026-03-18T12:00:00Z', 1, 'America/New_York')).toEqual(['2026-03-23T13:00:00.000Z']);
  });

  it('refuses an invalid cron with an error saying what is wrong', () => {
    expect(() => nextPulseRun('61 9 * * 1', london, new Date())).toThrow(PulseScheduleError);
    expect(() => nextPulseRun('61 9 * * 1', london, new Date())).toThrow(/61/);
  });

  it('refuses an unknown time zone', () => {
    expect(() => nextPulseRun('0 9 * * 1', 'Mars/Olympus', new Date())).toThrow(/Mars\/Olympus/);
  });
});

describe('cronProblem', () => {
  it('accepts 5-field cron expressions', () => {
    for (const cron of ['0 9 * * 1', '*/15 * * * *', '30 8 1 */3 *', '0 9 * * MON-FRI']) {
      expect(cronProblem(cron), cron).toBeUndefined();
    }
  });

  it('wants exactly five fields: no seconds, no shorthand', () => {
    for (const cron of ['0 0 9 * * 1', '0 9 *', '@weekly', '']) {
      expect(cronProblem(cron), cron).toMatch(/5-field cron/);
    }
  });

  it('names a value out of range or a word it does not know', () => {
    expect(cronProblem('0 25 * * *')).toMatch(/25/);
    expect(cronProblem('0 9 * * someday')).toMatch(/not a valid cron/);
    expect(cronProblem('0 9 31 2 *')).toMatch(/not a valid cron/);
  });
});
