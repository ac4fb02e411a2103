import PgBoss from 'pg-boss';
import type { Logger } from '../log.ts';

/** How pg-boss reaches the database: a connection string, or (PGlite) a function that runs SQL. */
export type JobConnection =
  | { connectionString: string }
  | { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

export interface Jobs {
  /** Queues an SLA sweep now instead of waiting for the schedule (operations, tests). */
  sweepNow(): Promise<void>;
  stop(): Promise<void>;
}

const slaSweep = 'sla-sweep';

/**
 * Scheduled work on pg-boss, kept in the same Postgres: the schedule and its jobs survive restarts, and a
 * singleton queue lets one replica sweep at a time. The sweep itself is safe to run twice regardless.
 */
export async function startJobs(options: {
  connection: JobConnection;
  log: Logger;
  slaSweepCron: string;
  sweep: () => Promise<unknown>;
}): Promise<Jobs> {
  const { log } = options;
  const boss = new PgBoss({
    ...('connectionString' in options.connection ? options.connection : { db: options.connection }),
  });
  boss.on('error', (err) => log.error('job queue error', { err }));
  await boss.start();
  await boss.createQueue(slaSweep, { name: slaSweep, policy: 'singleton' });
  await boss.schedule(slaSweep, options.slaSweepCron);
  await boss.work(slaSweep, { pollingIntervalSeconds: 1 }, async () => {
    try {
      await options.sweep();
    } catch (err) {
      log.error('sla sweep failed', { err });
      throw err;
    }
  });
  log.info('jobs started', { slaSweepCron: options.slaSweepCron });
  return {
    async sweepNow() {
      await boss.send(slaSweep, {});
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
