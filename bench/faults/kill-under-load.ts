/**
 * Fault scenario: the desk is killed (`kill -9`, no shutdown at all) under load, again and again, and its
 * supervisor starts it anew each time. A throwaway Postgres cluster of its own, ~20 chat requests a second.
 *
 * What must hold: every ticket the desk acknowledged is in the database afterwards, none twice, and the desk
 * serves again after each kill.
 *
 * `npx tsx bench/faults/kill-under-load.ts [--kills 5] [--rate 20]` runs it alone; `npm run bench:faults`
 * runs it with the other scenarios.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { type ChatRequest, startChatLoad } from './chat-load.ts';
import type { Scenario, ScenarioReport } from './scenario.ts';
import { faultDeskEnv, superviseDesk } from './supervised-desk.ts';
import { createCluster } from './throwaway-cluster.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runKillUnderLoad(kills = 5, perSecond = 20): Promise<ScenarioReport> {
  const runId = randomBytes(3).toString('hex');
  const cluster = await createCluster();
  try {
    const desk = await superviseDesk(faultDeskEnv(cluster.url));
    const load = startChatLoad(desk.url, { perSecond, runId });
    const backAfter: number[] = [];
    try {
      await sleep(6000);
      for (let i = 0; i < kills; i++) {
        const killedAt = Date.now();
        await desk.crash();
        while (!desk.url()) await sleep(50);
        backAfter.push(Date.now() - killedAt);
        await sleep(6000);
      }
    } finally {
      await load.stop();
      await desk.stop();
    }
    const stored = await ticketsByToken(cluster.url, runId);
    const acked = load.requests.filter((r) => r.ticketId !== undefined);
    const lost = acked.filter((r) => !(stored.get(r.token) ?? []).includes(r.ticketId ?? -1));
    const twice = [...stored.values()].filter((ids) => ids.length > 1).length;
    const unanswered = load.requests.filter((r: ChatRequest) => r.answeredAt === undefined);
    const lines = [
      `did: ${kills} kills (SIGKILL to the desk's process group) under ${perSecond} requests/s, ${load.requests.length} requests`,
      `back serving after each kill: ${backAfter.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`,
      `requests not answered (sent to a killed desk or while it started): ${unanswered.length}`,
      `tickets acknowledged: ${acked.length}; found in the database: ${acked.length - lost.length}; lost: ${lost.length}; stored twice: ${twice}`,
    ];
    return { name: 'kill-under-load', lines, ok: lost.length === 0 && twice === 0 && backAfter.length === kills };
  } finally {
    await cluster.destroy();
  }
}

/** The ids of the tickets whose subject carries each of this run's tokens. */
async function ticketsByToken(url: string, runId: string): Promise<Map<string, number[]>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ id: number; subject: string }[]>`
      select id, subject from tickets where subject like ${`%${runId}-%`}`;
    const found = new Map<string, number[]>();
    for (const row of rows) {
      const token = new RegExp(`${runId}-\\d+`).exec(row.subject)?.[0];
      if (token) found.set(token, [...(found.get(token) ?? []), row.id]);
    }
    return found;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export const killUnderLoad: Scenario = {
  name: 'kill-under-load',
  about: 'kill -9 of the desk under ~20 requests/s, restarted by a supervisor each time',
  run: () => runKillUnderLoad(),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { kills: { type: 'string' }, rate: { type: 'string' } } });
  const report = await runKillUnderLoad(Number(values.kills ?? 5), Number(values.rate ?? 20));
  for (const line of report.lines) console.log(line);
  console.log(report.ok ? 'kill-under-load: ok' : 'kill-under-load: FAILED');
  process.exitCode = report.ok ? 0 : 1;
}
