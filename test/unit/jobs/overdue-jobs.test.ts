import { describe, expect, it } from 'vitest';
import { describeOverdue, overdueJobs, periodOf } from '../../../src/jobs/overdue-jobs.ts';

const at = (iso: string) => new Date(`2026-12-01T${iso}Z`);
const jobs = [
  { name: 'sla-sweep', cron: '* * * * *' },
  { name: 'weekly-digest', cron: '0 8 * * 1' },
];

describe('overdue scheduled jobs', () => {
  it('knows each job’s period from its cron', () => {
    expect(periodOf('* * * * *', at('10:00:30'))).toBe(60_000);
    expect(periodOf('*/5 * * * *', at('10:00:30'))).toBe(300_000);
    expect(periodOf('0 8 * * 1', at('10:00:30'))).toBe(7 * 86_400_000);
  });

  it('reports a sweep that has not completed for three minutes, and nothing that ran in time', () => {
    const completions = new Map([
      ['sla-sweep', at('09:56:10')],
      ['weekly-digest', at('09:00:00')],
    ]);
    const started = at('08:00:00');
    expect(overdueJobs(jobs, completions, started, at('09:58:00'))).toEqual([]);
    const late = overdueJobs(jobs, completions, started, at('09:59:30'));
    expect(late).toEqual([{ name: 'sla-sweep', periods: 3, lastCompleted: at('09:56:10') }]);
    expect(describeOverdue(late[0] as never)).toBe(
      'not completed for 3 of its periods (last 2026-12-01T09:56:10.000Z)',
    );
  });

  it('counts a job never completed from start-up, not from the beginning of time', () => {
    expect(overdueJobs(jobs, new Map(), at('10:00:00'), at('10:02:00'))).toEqual([]);
    expect(overdueJobs(jobs, new Map(), at('10:00:00'), at('10:03:00'))).toEqual([{ name: 'sla-sweep', periods: 3 }]);
    // A weekly job last run a month ago, before a restart an hour ago: not yet due again from this start.
    const monthAgo = new Map([['weekly-digest', new Date('2026-11-01T08:00:00Z')]]);
    expect(overdueJobs(jobs.slice(1), monthAgo, at('09:00:00'), at('10:00:00'))).toEqual([]);
  });
});
