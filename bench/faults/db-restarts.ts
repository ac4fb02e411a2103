/**
 * Fault scenario: the database restarts under load. A throwaway Postgres 15 cluster of its own (never the
 * shared server), the real desk process over it, ~20 chat requests a second (questions and `ticket`
 * commands), and N restarts alternating `pg_ctl stop -m fast` and `-m immediate`, each followed by a start.
 *
 * What must hold: the desk never exits; a request sent while the database is away is answered within 5 s
 * (politely, asking to try again); none goes unanswered for 15 s; every ticket the desk acknowledged is in
 * the database afterwards.
 *
 * `npx tsx bench/faults/db-restarts.ts [--restarts 20] [--rate 20] [--down-ms 3000] [--stall-ms 1000]
 * [--dump requests.json]` runs it alone;
 * `npm run bench:faults` runs it with the other scenarios.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startChatLoad } from './chat-load.ts';
import { type Outage, outageHeld, outageLines, ticketsStored } from './outage-report.ts';
import type { Scenario, ScenarioReport } from './scenario.ts';
import { faultDeskEnv, superviseDesk } from './supervised-desk.ts';
import { createCluster, type StopMode } from './throwaway-cluster.ts';

export interface DbRestartOptions {
  restarts: number;
  perSecond: number;
  /** How long the database stays down each time. */
  downMs: number;
  /** How long the load runs on a healthy database between restarts. */
  upMs: number;
  /**
   * How long before each stop the tickets table is held locked against writes, so that ticket transactions
   * are in flight when the server goes (as behind a stalled disk): the moment postgres.js 3.4.9 crashed on.
   */
  stallMs: number;
  /** Writes every request and outage as JSON here, to look into afterwards. */
  dump?: string;
}

export const defaultDbRestartOptions: DbRestartOptions = {
  restarts: 20,
  perSecond: 20,
  downMs: 3000,
  upMs: 6000,
  stallMs: 1000,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RestartOutage extends Outage {
  mode: StopMode;
}

export async function runDbRestarts(options: DbRestartOptions = defaultDbRestartOptions): Promise<ScenarioReport> {
  const runId = randomBytes(3).toString('hex');
  const cluster = await createCluster();
  const lines: string[] = [];
  try {
    const desk = await superviseDesk(faultDeskEnv(cluster.url));
    const load = startChatLoad(desk.url, { perSecond: options.perSecond, runId });
    const outages: RestartOutage[] = [];
    try {
      await sleep(options.upMs);
      for (let i = 0; i < options.restarts; i++) {
        const mode: StopMode = i % 2 === 0 ? 'fast' : 'immediate';
        const from = Date.now();
        const unlock = options.stallMs > 0 ? await cluster.lockAgainstWrites('tickets') : () => {};
        await sleep(options.stallMs);
        await cluster.stop(mode);
        unlock();
        await sleep(options.downMs);
        await cluster.start();
        outages.push({ mode, from, to: Date.now() });
        await sleep(options.upMs);
      }
    } finally {
      await load.stop();
      await desk.stop();
    }
    const stored = await ticketsStored(cluster.url, runId);
    if (options.dump)
      await writeFile(options.dump, JSON.stringify({ outages, requests: load.requests, log: desk.output() }));
    const run = { outages, requests: load.requests, stored, exits: desk.exits.length };
    lines.push(did(options, outages, load.requests.length), ...outageLines(run));
    for (const exit of desk.exits)
      lines.push(`  exit ${exit.code ?? exit.signal}: ${exit.tail.replace(/\n/g, '\n    ')}`);
    return { name: 'db-restarts', lines, ok: outageHeld(run) };
  } finally {
    await cluster.destroy();
  }
}

function did(options: DbRestartOptions, outages: RestartOutage[], requests: number): string {
  const outageMs = outages.map((o) => o.to - o.from);
  return (
    `did: ${outages.length} restarts (${outages.filter((o) => o.mode === 'fast').length} fast, ` +
    `${outages.filter((o) => o.mode === 'immediate').length} immediate), ${options.stallMs} ms of stalled ticket writes then ${options.downMs} ms down each ` +
    `(${Math.min(...outageMs)}–${Math.max(...outageMs)} ms until it accepted connections), ` +
    `${requests} requests at ${options.perSecond}/s`
  );
}

export const dbRestarts: Scenario = {
  name: 'db-restarts',
  about: 'Postgres restarts (fast and immediate) under ~20 requests/s',
  run: () => runDbRestarts(),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      restarts: { type: 'string' },
      rate: { type: 'string' },
      'down-ms': { type: 'string' },
      'stall-ms': { type: 'string' },
      dump: { type: 'string' },
    },
  });
  const report = await runDbRestarts({
    ...defaultDbRestartOptions,
    ...(values.restarts ? { restarts: Number(values.restarts) } : {}),
    ...(values.rate ? { perSecond: Number(values.rate) } : {}),
    ...(values['down-ms'] ? { downMs: Number(values['down-ms']) } : {}),
    ...(values['stall-ms'] ? { stallMs: Number(values['stall-ms']) } : {}),
    ...(values.dump ? { dump: values.dump } : {}),
  });
  for (const line of report.lines) console.log(line);
  console.log(report.ok ? 'db-restarts: ok' : 'db-restarts: FAILED');
  process.exitCode = report.ok ? 0 : 1;
}
