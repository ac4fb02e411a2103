import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.ts';
import { startJobs } from '../../src/jobs/job-runner.ts';
import { createMemoryLogger } from '../../src/log.ts';
import { scheduledJobNames } from '../../src/scheduled-jobs.ts';
import { shippedRegistry } from '../support/shipped-registry.ts';
import { createServerDatabase } from '../support/test-store.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
// Every job the shipped desk schedules, so a new one is covered as soon as it exists.
const names = scheduledJobNames(shippedRegistry);

/**
 * Three replicas starting their job runners at once on a new database, each with its own pg-boss pool as its
 * own process would have: pg-boss creates each job's queue (a table of its own) outside its lock, and two
 * creating the same queue at once deadlocked, failing a replica's start (2 of 3 in `npm run bench:faults --
 * replicas` once). PGlite has one process by design.
 */
describe.skipIf(!serverUrl)('job runners of three replicas starting at once on a new Postgres', () => {
  it('all start, and each job has one queue', async () => {
    const { url, store } = await createServerDatabase(serverUrl ?? '');
    const jobs = names.map((name) => ({ name, cron: '0 4 * * 1', run: async () => undefined }));
    const runs = { record: async () => undefined, completions: async () => new Map<string, Date>() };
    const started = await Promise.allSettled(
      [1, 2, 3].map(() =>
        startJobs({
          connection: { connectionString: url },
          runs,
          clock: createFixedClock(new Date()),
          log: createMemoryLogger(),
          jobs,
        }),
      ),
    );
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : s.status))).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      const queues = (await store.db.execute(
        sql`select name from pgboss.queue where name not like '__pgboss%' order by name`,
      )) as unknown as {
        name: string;
      }[];
      expect(queues.map((q) => q.name)).toEqual([...names].sort());
    } finally {
      for (const s of started) if (s.status === 'fulfilled') await s.value.stop();
      await store.close();
    }
  });
});
