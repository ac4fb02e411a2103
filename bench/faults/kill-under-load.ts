/**
 * Fault scenario: the desk is killed (`kill -9`, no shutdown at all) under load, again and again, and its
 * supervisor starts it anew each time. A throwaway Postgres cluster of its own, ~20 chat requests a second.
 *
 * What must hold: every ticket the desk acknowledged is in the database afterwards, none twice, the desk
 * serves again after each kill, and every event a killed desk had taken and not finished is handled later
 * by the `lost-deliveries` job (once its claim's lease has run out, about 3 minutes on).
 *
 * `npx tsx bench/faults/kill-under-load.ts [--kills 5] [--rate 20]` runs it alone; `npm run bench:faults`
 * runs it with the other scenarios.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { claimLeaseSeconds } from '../../src/store/deliveries.ts';
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
    let unfinished = { atEnd: 0, left: 0, waitedS: 0 };
    try {
      await sleep(6000);
      for (let i = 0; i < kills; i++) {
        const killedAt = Date.now();
        await desk.crash();
        while (!desk.url()) await sleep(50);
        backAfter.push(Date.now() - killedAt);
        await sleep(6000);
      }
      await load.stop();
      unfinished = await waitForUnfinished(cluster.url);
    } finally {
      await load.stop();
      await desk.stop();
    }
    const takenOver = desk.output().split('delivery lost with its desk').length - 1;
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
      `events taken by a killed desk and not finished: ${unfinished.atEnd}; handled again by lost-deliveries: ${takenOver}; still unfinished after ${unfinished.waitedS} s: ${unfinished.left}`,
    ];
    const ok = lost.length === 0 && twice === 0 && backAfter.length === kills && unfinished.left === 0;
    return { name: 'kill-under-load', lines, ok };
  } finally {
    await cluster.destroy();
  }
}

/**
 * Claims neither handled nor released (events a killed desk had taken), now and after waiting for the
 * lost-deliveries job to take them over: their lease (3 min) plus two of its runs.
 */
async function waitForUnfinished(url: string): Promise<{ atEnd: number; left: number; waitedS: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const count = async () =>
    Number((await sql`select count(*) as n from deliveries where handled_at is null and released_at is null`)[0]?.n);
  try {
    const started = Date.now();
    const atEnd = await count();
    let left = atEnd;
    while (left > 0 && Date.now() - started < (claimLeaseSeconds + 150) * 1000) {
      await sleep(5000);
      left = await count();
    }
    return { atEnd, left, waitedS: Math.round((Date.now() - started) / 1000) };
  } finally {
    await sql.end({ timeout: 5 });
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
