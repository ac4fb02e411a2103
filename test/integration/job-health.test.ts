import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobRuns } from '../../src/store/schema.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

const health = async (app: TestApp) => (await app.get('/healthz')).json();
/** The queue's expiry as pg-boss keeps it (PGlite answers `{ rows }`, postgres.js the rows themselves). */
async function expirySeconds(app: TestApp, queue: string) {
  const result: unknown = await app.store.db.execute(
    sql`select expire_seconds from pgboss.queue where name = ${queue}`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { expire_seconds: number }[];
  return rows[0]?.expire_seconds;
}

/** Waits (real time: pg-boss polls each second) until the sweep's run is recorded at the desk's clock. */
async function sweepCompleted(app: TestApp) {
  await app.jobs?.runNow('sla-sweep');
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const [row] = await app.store.db.select().from(jobRuns).where(sql`${jobRuns.name} = 'sla-sweep'`);
    if (row?.lastCompletedAt?.getTime() === app.clock.now().getTime()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the sweep did not complete');
}

describe('scheduled jobs that stop completing', () => {
  it('lets a run lost with its process block the next for two minutes, not pg-boss’ fifteen, even on an old queue', async () => {
    const store = await createTestStore();
    const first = await startTestApp({ JOBS_ENABLED: 'true' }, store);
    expect(await expirySeconds(first, 'sla-sweep')).toBe(120);
    // As an earlier version left it: pg-boss' default.
    await first.store.db.execute(sql`update pgboss.queue set expire_seconds = 900 where name = 'sla-sweep'`);
    await first.close();
    const again = await startTestApp({ JOBS_ENABLED: 'true' }, store);
    try {
      expect(await expirySeconds(again, 'sla-sweep')).toBe(120);
    } finally {
      await again.close();
      await store.close();
    }
  });

  it('warns in the log and in /healthz when the sweep has not completed for three of its minutes, and clears', async () => {
    const app = await startTestApp({ JOBS_ENABLED: 'true' });
    try {
      await sweepCompleted(app);
      expect(await app.jobs?.checkOverdue()).toEqual({});
      expect(await health(app)).toEqual({ status: 'ok' });

      app.clock.advance(3 * 60_000 + 1000);
      const late = await app.jobs?.checkOverdue();
      expect(late?.['sla-sweep']).toMatch(/^not completed for 3 of its periods \(last 20/);
      expect(await health(app)).toEqual({
        status: 'degraded',
        jobs: expect.objectContaining({ 'sla-sweep': late?.['sla-sweep'] }),
      });
      await app.jobs?.checkOverdue();
      expect(app.log.lines.filter((l) => l.msg === 'job overdue' && l.job === 'sla-sweep')).toHaveLength(1);

      await sweepCompleted(app);
      expect((await app.jobs?.checkOverdue())?.['sla-sweep']).toBeUndefined();
      expect(app.log.lines).toContainEqual(expect.objectContaining({ msg: 'job completing again', job: 'sla-sweep' }));
    } finally {
      await app.close();
    }
  });
});
