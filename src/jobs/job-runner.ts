import PgBoss from 'pg-boss';
import type { Logger } from '../log.ts';

/** How pg-boss reaches the database: a connection string, or (PGlite) a function that runs SQL. */
export type JobConnection =
  | { connectionString: string }
  | { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** One piece of scheduled work, ready to run: a feature's `JobSpec` with the desk it runs in. */
export interface Job {
  name: string;
  /** 5 fields, minute resolution. */
  cron: string;
  run(): Promise<unknown>;
}

export interface Jobs {
  /** Queues a job now instead of waiting for its schedule (operations, tests). */
  runNow(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Scheduled work on pg-boss, kept in the same Postgres: schedules and jobs survive restarts, and each job's
 * singleton queue lets one replica run it at a time. Every job must still be safe to run twice.
 */
export async function startJobs(options: {
  connection: JobConnection;
  log: Logger;
  jobs: readonly Job[];
}): Promise<Jobs> {
  const { log, jobs } = options;
  const boss = new PgBoss({
    ...('connectionString' in options.connection ? options.connection : { db: options.connection }),
  });
  boss.on('error', (err) => log.error('job queue error', { err }));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, { name: job.name, policy: 'singleton' });
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, { pollingIntervalSeconds: 1 }, async () => {
      try {
        await job.run();
      } catch (err) {
        log.error('job failed', { job: job.name, err });
        throw err;
      }
    });
  }
  log.info('jobs started', { jobs: jobs.map((j) => `${j.name} (${j.cron})`) });
  return {
    async runNow(name) {
      if (!jobs.some((j) => j.name === name)) throw new Error(`no job called ${name}`);
      await boss.send(name, {});
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
