/**
 * `npm run bench:memory [-- --questions 1000,10000,50000,100000] [--stores pglite,postgres]
 * [--embeddings true,false] [--runners js,tsx] [--users 5000] [--concurrency 4] [--node-options …]
 * [--checkout <dir>] [--also-node-options …] [--also-env KEY=value,…] [--json]`: the resident memory of
 * the real desk process, read from /proc (VmRSS, and VmHWM for the peak), at idle after start-up, after
 * its first question (the bundled model loads then), and after each count of questions asked through
 * POST /api/local/messages by many distinct people. Each
 * configuration runs on a fresh store; side by side they separate the parts: PGlite (against Postgres),
 * the model (LOCAL_EMBEDDINGS=false), tsx (against the compiled build). Growth between the later counts,
 * once warmed up, is what a leak looks like. `--checkout` runs another checkout's desk as well, labelled
 * by its folder (a worktree of an earlier commit), to measure a change before and after in one run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadEvalData } from './article-variants.ts';
import { ensureBuild } from './build-check.ts';
import { deskProcess, freePort, processTree, type Runner, type SpawnOptions, spawnDesk } from './desk-spawn.ts';
import { scratchDatabases } from './scratch-database.ts';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: '1000,10000' },
    stores: { type: 'string', default: 'pglite,postgres' },
    embeddings: { type: 'string', default: 'true,false' },
    runners: { type: 'string', default: 'js,tsx' },
    users: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '4' },
    'node-options': { type: 'string', default: '' },
    checkout: { type: 'string' },
    'also-node-options': { type: 'string' },
    'also-env': { type: 'string' },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    json: { type: 'boolean', default: false },
  },
});
const checkpoints = values.questions.split(',').map(Number);
const users = Number(values.users);
const concurrency = Number(values.concurrency);
const nodeOptions = values['node-options'].split(' ').filter(Boolean);
const runners = values.runners.split(',') as Runner[];
if (runners.includes('js')) await ensureBuild();
const { queries } = loadEvalData(new URL('../../shared/eval/', import.meta.url));
// Past the evaluation set's end the same questions come again with a number, as new wording would.
const question = (i: number) =>
  `${queries[i % queries.length] ?? 'how do I reset my password?'}${i >= queries.length ? ` ${i}` : ''}`;

interface Reading {
  phase: string;
  questions: number;
  treeMb: number;
  deskMb: number;
  deskPeakMb: number;
  perSecond?: number;
}

const databases = scratchDatabases(values['database-url'], 'tierdesk_bench_memory');

async function storeEnv(store: string): Promise<{ env: Record<string, string>; done: () => Promise<void> }> {
  if (store === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'tierdesk-memory-'));
    return { env: { DATA_DIR: dir }, done: () => rm(dir, { recursive: true, force: true }) };
  }
  // Dropped with the others at the end of the run.
  return { env: { DATABASE_URL: await databases.create() }, done: async () => undefined };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Variant = SpawnOptions & { env?: Record<string, string> };

async function measure(runner: Runner, store: string, embeddings: string, variant: Variant) {
  const { env: extra, ...spawnOptions } = variant;
  const { env, done } = await storeEnv(store);
  const port = await freePort();
  const desk = spawnDesk(
    runner,
    {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOCAL_EMBEDDINGS: embeddings,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'info',
      KNOWLEDGE_DIR: './knowledge',
      ...extra,
    },
    spawnOptions,
  );
  const readings: Reading[] = [];
  const read = (phase: string, questions: number, perSecond?: number) => {
    const tree = desk.child.pid === undefined ? [] : processTree(desk.child.pid);
    const own = deskProcess(tree);
    readings.push({
      phase,
      questions,
      treeMb: Math.round(tree.reduce((sum, p) => sum + p.rssMb, 0)),
      deskMb: Math.round(own?.rssMb ?? Number.NaN),
      deskPeakMb: Math.round(own?.peakMb ?? Number.NaN),
      ...(perSecond === undefined ? {} : { perSecond: Math.round(perSecond) }),
    });
  };
  try {
    const url = await desk.url();
    // A fresh store embeds the articles in the background first: idle means after that.
    const until = Date.now() + 120_000;
    while (embeddings === 'true' && !desk.lines.some((l) => l.text.includes('article embeddings updated'))) {
      if (Date.now() > until) break;
      await pause(200);
    }
    await pause(3000);
    read('idle', 0);
    const ask = async (i: number) => {
      const res = await fetch(new URL('/api/local/messages', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: `person${i % users}`, text: question(i) }),
      });
      if (res.status !== 200) throw new Error(`question ${i}: HTTP ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    await ask(0);
    await pause(2000);
    read('first question', 1);
    let asked = 1;
    for (const target of checkpoints) {
      const started = performance.now();
      const from = asked;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (asked < target) await ask(asked++);
        }),
      );
      const perSecond = ((asked - from) * 1000) / (performance.now() - started);
      await pause(2000);
      read(`after ${target}`, target, perSecond);
      if (!values.json) process.stderr.write('.');
    }
  } finally {
    await desk.stop();
    await done();
  }
  return readings;
}

const results: { runner: Runner; store: string; embeddings: string; checkout: string; readings: Reading[] }[] = [];
const checkouts: [string, Variant][] = [['this', { nodeOptions }]];
// A second set of node options on this checkout, measured alongside (`--max-semi-space-size=2`).
if (values['also-node-options'])
  checkouts.push([`node ${values['also-node-options']}`, { nodeOptions: values['also-node-options'].split(' ') }]);
// The same again with environment variables for the process (`MALLOC_ARENA_MAX=2`).
if (values['also-env']) {
  const env = Object.fromEntries(values['also-env'].split(',').map((kv) => kv.split('=', 2) as [string, string]));
  checkouts.push([values['also-env'], { nodeOptions, env }]);
}
if (values.checkout) {
  checkouts.push([values.checkout, { nodeOptions, checkout: values.checkout }]);
  if (runners.includes('js')) await ensureBuild(values.checkout);
}
try {
  for (const store of values.stores.split(','))
    for (const embeddings of values.embeddings.split(','))
      for (const [label, variant] of checkouts)
        for (const runner of runners) {
          const readings = await measure(runner, store, embeddings, variant);
          results.push({ runner, store, embeddings, checkout: label, readings });
        }
} finally {
  await databases.dropAll();
}

if (values.json) console.log(JSON.stringify(results));
else {
  console.log(`\nresident memory in MB: whole process tree / the desk's own process / its peak (VmHWM)`);
  for (const r of results) {
    const model = r.embeddings === 'true' ? 'with the model' : 'LOCAL_EMBEDDINGS=false';
    console.log(`\n${r.store}, ${model}, ${r.runner}${r.checkout === 'this' ? '' : ` (${r.checkout})`}`);
    for (const x of r.readings) {
      const rate = x.perSecond === undefined ? '' : `   ${x.perSecond} questions/s`;
      console.log(
        `  ${x.phase.padEnd(16)} ${String(x.treeMb).padStart(5)} / ${String(x.deskMb).padStart(5)} / ${String(x.deskPeakMb).padStart(5)}${rate}`,
      );
    }
  }
}
