import cronParser from 'cron-parser';

/** How many of its periods a job may go without completing before it is reported. */
export const overdueAfterPeriods = 3;

/** The time between a cron's last two runs before `now`: a minute for the sweep, a week for the digest. */
export function periodOf(cron: string, now: Date): number {
  const runs = cronParser.parseExpression(cron, { tz: 'UTC', currentDate: now });
  const last = runs.prev().getTime();
  return last - runs.prev().getTime();
}

export interface OverdueJob {
  name: string;
  /** When it last completed, on any replica; undefined when never (since this process started). */
  lastCompleted?: Date;
  /** Whole periods gone by since then. */
  periods: number;
}

/**
 * The jobs that have not completed for `overdueAfterPeriods` of their periods. A job is counted from when it
 * last completed or from when this process started watching, whichever is later, so a desk started again
 * after a month away is not alarmed about the weekly digest it could not have run.
 */
export function overdueJobs(
  jobs: readonly { name: string; cron: string }[],
  completions: ReadonlyMap<string, Date>,
  watchingSince: Date,
  now: Date,
): OverdueJob[] {
  return jobs.flatMap((job) => {
    const lastCompleted = completions.get(job.name);
    const from = Math.max(lastCompleted?.getTime() ?? 0, watchingSince.getTime());
    const periods = Math.floor((now.getTime() - from) / periodOf(job.cron, now));
    if (periods < overdueAfterPeriods) return [];
    return [{ name: job.name, periods, ...(lastCompleted ? { lastCompleted } : {}) }];
  });
}

/** For /healthz and the warning: what is late, in words. */
export const describeOverdue = (job: OverdueJob) =>
  `not completed for ${job.periods} of its periods (last ${job.lastCompleted?.toISOString() ?? 'never, since start-up'})`;
