import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import { describeOverdue, overdueJobs } from './overdue-jobs.ts';

/** How often each replica running jobs looks for ones that stopped completing. */
const checkEveryMs = 60_000;

/**
 * Warns (once per spell, and in /healthz) when a scheduled job has not completed for several of its periods,
 * on any replica: a stalled sweep means SLA breaches nobody hears of, so it must not be silent.
 */
export function watchOverdueJobs(deps: {
  completions(): Promise<ReadonlyMap<string, Date>>;
  clock: Clock;
  log: Logger;
  jobs: readonly { name: string; cron: string }[];
}) {
  const { completions, clock, log, jobs } = deps;
  const since = clock.now();
  let late: Record<string, string> = {};
  const check = async () => {
    const now = clock.now();
    const overdue = overdueJobs(jobs, await completions(), since, now);
    const next = Object.fromEntries(overdue.map((job) => [job.name, describeOverdue(job)]));
    for (const job of overdue) {
      if (!(job.name in late))
        log.warn('job overdue', { job: job.name, periods: job.periods, lastCompleted: job.lastCompleted });
    }
    for (const name of Object.keys(late)) if (!(name in next)) log.info('job completing again', { job: name });
    late = next;
    return late;
  };
  const timer = setInterval(() => {
    check().catch((err: unknown) => log.warn('job check failed', { err }));
  }, checkEveryMs);
  timer.unref();
  return { check, problems: () => late, stop: () => clearInterval(timer) };
}
