/**
 * `npm run bench:start-up [-- --runs 5] [--sizes 36,10000] [--cases pglite-fresh,pglite-reopen,postgres-fresh,
 * postgres-reopen] [--runners tsx,js] [--json]`: how long the real desk process takes from its spawn to the
 * first 200 on GET /healthz (and to its "Tierdesk is running" line, which waits for pg-boss), as medians
 * over `runs` starts per case, with a phase breakdown from its own log lines. Cases: a fresh PGlite data
 * folder (initdb), one reopened, a fresh Postgres scratch database and one already migrated; each with the
 * 36 shipped articles and with 10,000 generated ones. Runners: tsx on the sources (`npm run dev`) and the
 * compiled build (`npm start`), interleaved run by run so that a noisy machine weighs on both alike.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuild } from './build-check.ts';
import { deskProcess, freePort, processTree, type Runner, spawnDesk } from './desk-spawn.ts';
import { writeGeneratedKnowledge } from './generated-knowledge.ts';
import { scratchDatabases } from './scratch-database.ts';
import { median, type Phases, phaseNames, phasesOf } from './start-up-phases.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '36,10000' },
    cases: { type: 'string', default: 'pglite-fresh,pglite-reopen,postgres-fresh,postgres-reopen' },
    runners: { type: 'string', default: 'tsx,js' },
    embeddings: { type: 'string', default: 'true' },
    'database-url': {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const sizes = values.sizes.split(',').map(Number);
const cases = values.cases.split(',');
const runners = values.runners.split(',') as Runner[];
if (runners.includes('js')) await ensureBuild();

const scratch = scratchDatabases(values['database-url'], 'tierdesk_bench_start');
const scratchUrl = () => scratch.create();

interface Sample {
  healthzMs: number;
  runningMs: number;
  treeMb: number;
  deskMb: number;
  phases: Phases;
}

/** One start: spawn, wait for /healthz and the "running" line, read memory, stop. */
async function startOnce(runner: Runner, env: Record<string, string>): Promise<Sample> {
  const port = await freePort();
  const desk = spawnDesk(runner, { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'debug' });
  try {
    const healthzMs = await desk.healthy(port);
    await desk.url();
    const runningMs = desk.lines.find((l) => l.text.startsWith('Tierdesk is running'))?.at ?? Number.NaN;
    const tree = desk.child.pid === undefined ? [] : processTree(desk.child.pid);
    return {
      healthzMs,
      runningMs,
      treeMb: tree.reduce((sum, p) => sum + p.rssMb, 0),
      deskMb: deskProcess(tree)?.rssMb ?? Number.NaN,
      phases: phasesOf(desk.lines),
    };
  } finally {
    await desk.stop();
  }
}

/** What each case starts on; `reopen` cases are prepared once by an untimed start that finishes its work. */
async function storeFor(kind: string, prepared: Map<string, Record<string, string>>, kb: string) {
  const temp: string[] = [];
  if (kind === 'pglite-fresh') {
    const dir = await mkdtemp(join(tmpdir(), 'tierdesk-start-'));
    temp.push(dir);
    return { env: { DATA_DIR: dir }, temp };
  }
  if (kind === 'postgres-fresh') return { env: { DATABASE_URL: await scratchUrl() }, temp };
  const key = `${kind}:${kb}`;
  let env = prepared.get(key);
  if (!env) {
    env =
      kind === 'pglite-reopen'
        ? { DATA_DIR: await mkdtemp(join(tmpdir(), 'tierdesk-start-')) }
        : { DATABASE_URL: await scratchUrl() };
    prepared.set(key, env);
  }
  return { env, temp };
}

const baseEnv = (kb: string) => ({
  KNOWLEDGE_DIR: kb,
  LOCAL_EMBEDDINGS: values.embeddings,
  RATE_LIMIT_PER_MINUTE: '0',
});

const results: { case: string; articles: number; runner: Runner; samples: Sample[] }[] = [];
const folders = new Map<number, string>();
const prepared = new Map<string, Record<string, string>>();
try {
  for (const size of sizes) {
    const kb = size === 36 ? join('.', 'knowledge') : await writeGeneratedKnowledge(size);
    folders.set(size, kb);
    for (const kind of cases) {
      const rows = runners.map((runner) => ({ case: kind, articles: size, runner, samples: [] as Sample[] }));
      results.push(...rows);
      // An untimed start first: it migrates a reopened store and fills tsx's transpile cache.
      for (const runner of runners) {
        const { env, temp } = await storeFor(kind, prepared, kb);
        await startOnce(runner, { ...baseEnv(kb), ...env });
        for (const dir of temp) await rm(dir, { recursive: true, force: true });
      }
      for (let i = 0; i < runs; i++) {
        for (const row of rows) {
          const { env, temp } = await storeFor(kind, prepared, kb);
          row.samples.push(await startOnce(row.runner, { ...baseEnv(kb), ...env }));
          for (const dir of temp) await rm(dir, { recursive: true, force: true });
        }
        if (!values.json) process.stderr.write('.');
      }
    }
  }
} finally {
  for (const env of prepared.values()) if (env.DATA_DIR) await rm(env.DATA_DIR, { recursive: true, force: true });
  for (const [size, dir] of folders) if (size !== 36) await rm(dir, { recursive: true, force: true });
  await scratch.dropAll();
}

const summary = results.map((r) => ({
  case: r.case,
  articles: r.articles,
  runner: r.runner,
  runs: r.samples.length,
  healthzMs: Math.round(median(r.samples.map((s) => s.healthzMs))),
  runningMs: Math.round(median(r.samples.map((s) => s.runningMs))),
  treeMb: Math.round(median(r.samples.map((s) => s.treeMb))),
  deskMb: Math.round(median(r.samples.map((s) => s.deskMb))),
  phases: Object.fromEntries(
    phaseNames.map((p) => [p, Math.round(median(r.samples.map((s) => s.phases[p] ?? Number.NaN)))]),
  ),
}));
if (values.json) console.log(JSON.stringify(summary));
else {
  console.log(`\nstart-up, medians of ${runs} runs (ms; memory in MB at /healthz, whole process tree / desk process)`);
  console.log(
    ['case', 'articles', 'runner', 'healthz', 'running', 'vs tsx', ...phaseNames, 'tree MB', 'desk MB'].join('\t'),
  );
  for (const s of summary) {
    const tsx = summary.find((o) => o.case === s.case && o.articles === s.articles && o.runner === 'tsx');
    const ratio = tsx ? (s.healthzMs / tsx.healthzMs).toFixed(2) : '';
    const phases = phaseNames.map((p) => String(s.phases[p] ?? ''));
    console.log(
      [s.case, s.articles, s.runner, s.healthzMs, s.runningMs, ratio, ...phases, s.treeMb, s.deskMb].join('\t'),
    );
  }
}
