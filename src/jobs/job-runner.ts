import PgBoss from 'pg-boss';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import { createQueueOnce } from './create-queue.ts';
import { watchOverdueJobs } from './job-watch.ts';

/** How pg-boss reaches the database: a connection string, or (PGlite) a function that runs SQL. */
export type JobConnection =
  | { connectionString: string }
  | { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** One piece of scheduled work, ready to run: a feature's `JobSpec` with the desk it runs in. */
export interface Job {
  name: string;
  /** 5 fields, minute resolution. */
  cron: string;
  /** How long one run may take before it counts as lost (its worker died) and another may start. */
  expireInSeconds?: number;
  run(): Promise<unknown>;
}

/** Where each job's last completion is kept, across replicas (the store's job_runs). */
export interface JobRuns {
  record(name: string, at: Date, error?: string): Promise<void>;
  completions(): Promise<ReadonlyMap<string, Date>>;
}

export interface Jobs {
  /** Queues a job now instead of waiting for its schedule (operations, tests). */
  runNow(name: string): Promise<void>;
  /** Looks again for jobs that stopped completing, warns of new ones, and returns what /healthz shows. */
  checkOverdue(): Promise<Record<string, string>>;
  /** The overdue jobs as last checked, for /healthz. */
  problems(): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * pg-boss lets a run of a singleton queue block the next until it expires: its default, 15 minutes, is how
 * long a sweep whose process was killed mid-run used to stall every replica. Two minutes outlasts a run
 * (the longest, a pulse survey tick, stops itself at 45 s) and is still short next to the warning.
 */
const defaultExpireInSeconds = 120;
/** Expired runs are found by pg-boss's maintenance; its default, every 2 minutes, would double the stall. */
const maintenanceIntervalSeconds = 30;

/**
 * Scheduled work on pg-boss, kept in the same Postgres: schedules and jobs survive restarts, and each job's
 * singleton queue lets one replica run it at a time. Every job must still be safe to run twice.
 */
export async function startJobs(options: {
  connection: JobConnection;
  runs: JobRuns;
  clock: Clock;
  log: Logger;
  jobs: readonly Job[];
}): Promise<Jobs> {
  const { log, jobs, runs, clock } = options;
  const boss = new PgBoss({
    ...('connectionString' in options.connection ? options.connection : { db: options.connection }),
    maintenanceIntervalSeconds,
  });
  boss.on('error', (err) => log.error('job queue error', { err }));
  await boss.start();
  for (const job of jobs) {
    const expireInSeconds = job.expireInSeconds ?? defaultExpireInSeconds;
    const queue = { name: job.name, policy: 'singleton' as const, expireInSeconds };
    await createQueueOnce(boss, job.name, queue);
    // A queue made by an earlier version keeps its old settings unless told: createQueue leaves it be.
    await boss.updateQueue(job.name, queue);
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, { pollingIntervalSeconds: 1 }, async () => {
      try {
        await job.run();
        await runs.record(job.name, clock.now());
      } catch (err) {
        log.error('job failed', { job: job.name, err });
        await runs
          .record(job.name, clock.now(), err instanceof Error ? err.message : String(err))
          .catch(() => undefined);
        throw err;
      }
    });
  }
  const watch = watchOverdueJobs({ completions: runs.completions, clock, log, jobs });
  log.info('jobs started', { jobs: jobs.map((j) => `${j.name} (${j.cron})`) });
  return {
    async runNow(name) {
      if (!jobs.some((j) => j.name === name)) throw new Error(`no job called ${name}`);
      await boss.send(name, {});
    },
    checkOverdue: watch.check,
    problems: watch.problems,
    async stop() {
      watch.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
