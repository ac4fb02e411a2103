/**
 * Fault scenario: the desk is killed (`kill -9`) in the middle of an SLA sweep, its supervisor starts it
 * again, and the scenario measures how long until a sweep completes again. The sweep is held mid-run by a
 * lock on the tickets table (as a slow disk would), so the kill finds it running. pg-boss keeps such a run
 * "active" until it expires; the singleton queue lets no other sweep start before.
 *
 * What must hold: a sweep completes again within 4 minutes (expiry 2 min, looked for every 30 s, then the
 * next minute's run); with pg-boss' default expiry it was 15–18 minutes, and nothing said so.
 *
 * `npx tsx bench/faults/crash-mid-sweep.ts` runs it alone; `npm run bench:faults` with the others.
 */
import { pathToFileURL } from 'node:url';
import type { Scenario, ScenarioReport } from './scenario.ts';
import { faultDeskEnv, superviseDesk } from './supervised-desk.ts';
import { type Cluster, createCluster } from './throwaway-cluster.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mustResumeWithinMs = 4 * 60_000;
const giveUpMs = 20 * 60_000;

/** Polls until `check` holds, or `limitMs` passes; how long it took, or undefined. */
async function until(check: () => Promise<boolean>, limitMs: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return Date.now() - started;
    await sleep(1000);
  }
  return undefined;
}

const lastSweep = async (cluster: Cluster) =>
  Number(
    (
      await cluster.query(
        `select coalesce(extract(epoch from max(last_completed_at)) * 1000, 0) from job_runs where name = 'sla-sweep'`,
      )
    )[0] ?? 0,
  );

export async function runCrashMidSweep(): Promise<ScenarioReport> {
  const cluster = await createCluster();
  try {
    const desk = await superviseDesk(faultDeskEnv(cluster.url));
    try {
      const first = await until(async () => (await lastSweep(cluster)) > 0, 3 * 60_000);
      if (first === undefined) throw new Error('no sweep completed in 3 minutes after start-up');
      const unlock = await cluster.lockAgainstWrites('tickets', 'access exclusive');
      const held = await until(
        async () =>
          (await cluster.query(`select count(*) from pgboss.job where name = 'sla-sweep' and state = 'active'`))[0] !==
          '0',
        3 * 60_000,
      );
      if (held === undefined) throw new Error('no sweep started while the tickets were locked');
      await sleep(2000);
      const killedAt = Date.now();
      await desk.crash();
      // The lock's session sleeps in pg_sleep, which never notices its client went: end it from the server.
      unlock();
      await cluster.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where query like '%pg_sleep(600)%' and pid <> pg_backend_pid()`,
      );
      const resumed = await until(async () => (await lastSweep(cluster)) > killedAt, giveUpMs);
      const lines = [
        `did: killed the desk (SIGKILL) while an SLA sweep was running, held by a lock on tickets; the supervisor started it again`,
        resumed === undefined
          ? `no sweep completed in ${giveUpMs / 60_000} minutes after the kill`
          : `a sweep completed again ${(resumed / 1000).toFixed(0)} s after the kill (must: within ${mustResumeWithinMs / 60_000} min)`,
      ];
      return { name: 'crash-mid-sweep', lines, ok: resumed !== undefined && resumed <= mustResumeWithinMs };
    } finally {
      await desk.stop();
    }
  } finally {
    await cluster.destroy();
  }
}

export const crashMidSweep: Scenario = {
  name: 'crash-mid-sweep',
  about: 'kill -9 of the desk in the middle of an SLA sweep: how long until the sweep runs again',
  run: runCrashMidSweep,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await runCrashMidSweep();
  for (const line of report.lines) console.log(line);
  console.log(report.ok ? 'crash-mid-sweep: ok' : 'crash-mid-sweep: FAILED');
  process.exitCode = report.ok ? 0 : 1;
}
