/**
 * Fault scenario: the network to the database goes silent under load, as in a partition or a failover that
 * leaves the old address dropping every packet: nothing is refused or closed, so only the desk's own watch on
 * its connections (src/store/silence-watch.ts) can tell. The real desk process reaches a throwaway database
 * on the shared server through a proxy that drops everything while silent; ~20 chat requests a second.
 *
 * What must hold, as for restarts (outage-report.ts): the desk never exits; a request sent while the
 * network is silent is answered within 5 s (asking to try again); every acknowledged ticket is stored.
 *
 * `npx tsx bench/faults/db-partitions.ts [--partitions 10] [--rate 20] [--silent-ms 8000] [--dump f.json]`
 * runs it alone;
 * `npm run bench:faults` runs it with the other scenarios.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startSilentProxy } from '../../test/support/silent-proxy.ts';
import { startChatLoad } from './chat-load.ts';
import { type Outage, outageHeld, outageLines, ticketsStored } from './outage-report.ts';
import type { Scenario, ScenarioReport } from './scenario.ts';
import { faultDeskEnv, superviseDesk } from './supervised-desk.ts';
import { createThrowawayDatabase } from './throwaway-database.ts';

export interface DbPartitionOptions {
  partitions: number;
  perSecond: number;
  /** How long the network stays silent each time. */
  silentMs: number;
  /** How long the load runs on a healthy network between partitions. */
  upMs: number;
  /** Writes every request, partition and the desk's log as JSON here, to look into afterwards. */
  dump?: string;
}

export const defaultDbPartitionOptions: DbPartitionOptions = {
  partitions: 10,
  perSecond: 20,
  silentMs: 8000,
  upMs: 6000,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runDbPartitions(
  options: DbPartitionOptions = defaultDbPartitionOptions,
): Promise<ScenarioReport> {
  const runId = randomBytes(3).toString('hex');
  const database = await createThrowawayDatabase();
  const direct = new URL(database.url());
  const proxy = await startSilentProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  try {
    const behindProxy = new URL(direct);
    behindProxy.host = `127.0.0.1:${proxy.port}`;
    const desk = await superviseDesk(faultDeskEnv(behindProxy.toString()));
    const load = startChatLoad(desk.url, { perSecond: options.perSecond, runId });
    const outages: Outage[] = [];
    try {
      await sleep(options.upMs);
      for (let i = 0; i < options.partitions; i++) {
        const from = Date.now();
        proxy.silence();
        await sleep(options.silentMs);
        proxy.speak();
        outages.push({ from, to: Date.now() });
        await sleep(options.upMs);
      }
    } finally {
      await load.stop();
      await desk.stop();
    }
    if (options.dump)
      await writeFile(options.dump, JSON.stringify({ outages, requests: load.requests, log: desk.output() }));
    const run = {
      outages,
      requests: load.requests,
      stored: await ticketsStored(database.url(), runId),
      exits: desk.exits.length,
    };
    const lines = [
      `did: ${outages.length} partitions of ${options.silentMs} ms (every packet dropped, nothing closed), ` +
        `${load.requests.length} requests at ${options.perSecond}/s`,
      ...outageLines(run),
      ...desk.exits.map((exit) => `  exit ${exit.code ?? exit.signal}: ${exit.tail.replace(/\n/g, '\n    ')}`),
    ];
    return { name: 'db-partitions', lines, ok: outageHeld(run) };
  } finally {
    await proxy.close();
    await database.drop();
  }
}

export const dbPartitions: Scenario = {
  name: 'db-partitions',
  about: 'the network to Postgres drops every packet for a while, under ~20 requests/s',
  run: () => runDbPartitions(),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      partitions: { type: 'string' },
      rate: { type: 'string' },
      'silent-ms': { type: 'string' },
      dump: { type: 'string' },
    },
  });
  const report = await runDbPartitions({
    ...defaultDbPartitionOptions,
    ...(values.partitions ? { partitions: Number(values.partitions) } : {}),
    ...(values.rate ? { perSecond: Number(values.rate) } : {}),
    ...(values['silent-ms'] ? { silentMs: Number(values['silent-ms']) } : {}),
    ...(values.dump ? { dump: values.dump } : {}),
  });
  for (const line of report.lines) console.log(line);
  console.log(report.ok ? 'db-partitions: ok' : 'db-partitions: FAILED');
  process.exitCode = report.ok ? 0 : 1;
}
