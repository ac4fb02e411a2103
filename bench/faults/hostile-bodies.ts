/**
 * Fault scenario: thousands of malformed and odd bodies from a seeded generator (test/support/fuzzed-bodies.ts)
 * to the local chat API's POST endpoints of the real desk process, over a database of its own on the shared
 * Postgres server. First the bodies that break the API's rules, with every table counted before and after;
 * then the odd but well-formed ones.
 *
 * What must hold: no answer is a 5xx, and every request gets one; the desk is still up and answering; the
 * malformed bodies are all refused and wrote no row anywhere.
 *
 * `npx tsx bench/faults/hostile-bodies.ts [--seed 1] [--count 5000]` runs it alone.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type FuzzedBody, fuzzedBodies } from '../../test/support/fuzzed-bodies.ts';
import { startHostileDesk } from './hostile-desk.ts';
import type { Scenario, ScenarioReport } from './scenario.ts';
import { describeRows, rowsWritten } from './throwaway-database.ts';

interface Sent {
  body: FuzzedBody;
  status: number;
}

/** Sends every body, `inFlight` at a time; status 0 when no answer came. */
async function sendAll(url: string, bodies: FuzzedBody[], inFlight = 8): Promise<Sent[]> {
  const sent: Sent[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const body = bodies[i] as FuzzedBody;
      const headers: Record<string, string> = body.contentType ? { 'content-type': body.contentType } : {};
      const status = await fetch(new URL(body.path, url), { method: 'POST', headers, body: body.body })
        .then(async (res) => {
          await res.arrayBuffer();
          return res.status;
        })
        .catch(() => 0);
      sent.push({ body, status });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return sent;
}

const byStatus = (sent: Sent[]) => {
  const counts = new Map<number, number>();
  for (const s of sent) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status || 'no answer'}: ${n}`)
    .join(', ');
};

const example = (s: Sent) =>
  `${s.body.kind} to ${s.body.path} got ${s.status || 'no answer'}: ${String(typeof s.body.body === 'string' ? s.body.body : '<bytes>').slice(0, 80)}`;

export async function runHostileBodies(seed = 1, count = 5000): Promise<ScenarioReport> {
  const bodies = fuzzedBodies(seed, count);
  const hostile = await startHostileDesk({ env: { JOBS_ENABLED: 'false' } });
  try {
    const before = await hostile.db.counts();
    const refusedPhase = await sendAll(
      hostile.url,
      bodies.filter((b) => b.expect === 'refuse'),
    );
    const written = rowsWritten(before, await hostile.db.counts());
    const oddPhase = await sendAll(
      hostile.url,
      bodies.filter((b) => b.expect === 'odd'),
    );
    const oddWritten = rowsWritten(before, await hostile.db.counts());
    const all = [...refusedPhase, ...oddPhase];
    const failures = all.filter((s) => s.status >= 500 || s.status === 0);
    const taken = refusedPhase.filter((s) => s.status < 400 || s.status >= 500);
    const health = await fetch(new URL('/healthz', hostile.url)).then(
      (r) => r.status,
      () => 0,
    );
    const up = health === 200 && hostile.desk.exits.length === 0;
    const lines = [
      `did: ${all.length} fuzzed bodies (seed ${seed}) to /api/local/{messages,actions,forms}: ${refusedPhase.length} malformed, ${oddPhase.length} odd but well-formed`,
      `malformed: ${byStatus(refusedPhase)}; rows written: ${describeRows(written)}`,
      `odd: ${byStatus(oddPhase)}; rows written (answered ones may): ${describeRows(oddWritten)}`,
      `5xx or no answer: ${failures.length}; malformed but not refused: ${taken.length}; desk exits: ${hostile.desk.exits.length}; /healthz after: ${health}`,
      ...[...failures, ...taken].slice(0, 5).map((s) => `  e.g. ${example(s)}`),
    ];
    const ok = failures.length === 0 && taken.length === 0 && written.size === 0 && up;
    return { name: 'hostile-bodies', lines, ok };
  } finally {
    await hostile.close();
  }
}

export const hostileBodies: Scenario = {
  name: 'hostile-bodies',
  about: '5,000 seeded fuzzed bodies to the local chat API: no 5xx, no rows for refused ones, still up',
  run: () => runHostileBodies(),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { seed: { type: 'string' }, count: { type: 'string' } } });
  const report = await runHostileBodies(Number(values.seed ?? 1), Number(values.count ?? 5000));
  for (const line of report.lines) console.log(line);
  console.log(report.ok ? 'hostile-bodies: ok' : 'hostile-bodies: FAILED');
  process.exitCode = report.ok ? 0 : 1;
}
