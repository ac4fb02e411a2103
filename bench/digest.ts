/**
 * `npm run bench:digest [-- --scale 0.1] [--pglite] [--runs 5] [--reuse] [--explain]`: how long the weekly
 * digest's queries take on a year of data. Seeds a database of its own (Postgres `tierdesk_bench`, dropped
 * and made again, migrated with the desk's migrations; or with `--pglite`, an embedded one in a temporary
 * folder at a tenth of the size), then times `digestQueries` for the week of 23 November 2026 and
 * `GET /api/metrics/summary` over HTTP from the desk started on that database: median and max of the runs,
 * and each query on its own. `--reuse` skips the seed (same database, e.g. after adding an index);
 * `--explain` prints EXPLAIN ANALYZE of the slowest queries' SQL as Postgres logs it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { periodOf } from '../src/digests/period.ts';
import { loadArticles } from '../src/knowledge/articles/load-articles.ts';
import { createLogger } from '../src/log.ts';
import { loadConfig, startApp } from '../src/main.ts';
import { defaultSlaPolicies } from '../src/sla/sla-policy.ts';
import { openPostgres, type Store, wrapPglite } from '../src/store/open-store.ts';
import { digestParts } from './digest-parts.ts';
import { digestQueries } from './digest-queries.ts';
import { finishSeed, seedSteps, sizesAt } from './digest-seed.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    pglite: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    reuse: { type: 'boolean', default: false },
    server: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
  },
});
const scale = Number(values.scale ?? (values.pglite ? 0.1 : 1));
const runs = Number(values.runs);
const knowledgeDir = new URL('../knowledge', import.meta.url).pathname;
const benchDb = 'tierdesk_bench';
const token = 'bench-token-0123456789abcdef';
const timeZone = 'Europe/London';

const say = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function openBenchStore(): Promise<{ store: Store; url?: string; dir?: string }> {
  if (values.pglite) {
    const dir = await mkdtemp(join(tmpdir(), 'tierdesk-bench-'));
    return { store: wrapPglite(new PGlite(dir)), dir };
  }
  const url = `${values.server.replace(/\/$/, '')}/${benchDb}`;
  if (!values.reuse) {
    const admin = postgres(`${values.server.replace(/\/$/, '')}/postgres`, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${benchDb} with (force)`);
    await admin.unsafe(`create database ${benchDb}`);
    await admin.end();
  }
  return { store: openPostgres(url), url };
}

async function seed(store: Store, articleIds: string[]): Promise<number> {
  const sizes = sizesAt(scale);
  say(`seeding ${JSON.stringify(sizes)}`);
  const started = performance.now();
  for (const step of seedSteps(sizes, articleIds)) {
    const stepStarted = performance.now();
    for (let lo = 1; lo <= step.total; lo += step.chunk) {
      const hi = Math.min(step.total, lo + step.chunk - 1);
      await step.run(store.db, lo, hi);
      const pct = Math.round((hi / step.total) * 100);
      process.stderr.write(
        `\r  ${step.name.padEnd(28)} ${String(hi).padStart(9)}/${step.total} ${String(pct).padStart(3)}%  ${seconds(performance.now() - stepStarted)}   `,
      );
    }
    process.stderr.write('\n');
  }
  await finishSeed(store.db);
  return performance.now() - started;
}

async function timed<T>(run: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const summary = (xs: number[]) => ({ medianMs: Math.round(median(xs)), maxMs: Math.round(Math.max(...xs)) });

async function main() {
  const articles = await loadArticles(knowledgeDir, createLogger('error'));
  const kb = { articles: () => articles, get: (id: string) => articles.find((a) => a.id === id) };
  const { store, url, dir } = await openBenchStore();
  await store.migrate();
  const seedMs = values.reuse
    ? undefined
    : await seed(
        store,
        articles.map((a) => a.id),
      );
  if (seedMs !== undefined) say(`seeded in ${seconds(seedMs)}`);
  const week = periodOf('2026-11-23', '2026-11-30', timeZone);

  // Each query once to warm the caches, then timed on its own.
  const parts = digestParts(store.db, kb, week, defaultSlaPolicies);
  const perQuery: Record<string, { medianMs: number; maxMs: number }> = {};
  for (const [name, run] of Object.entries(parts)) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < Math.min(runs, 3); i++) times.push(await timed(run));
    perQuery[name] = summary(times);
    say(`  ${name.padEnd(18)} ${String(perQuery[name]?.medianMs).padStart(7)} ms`);
  }

  const digest: number[] = [];
  for (let i = 0; i < runs; i++) digest.push(await timed(() => digestQueries(store.db, kb, week, defaultSlaPolicies)));

  const app = await startApp({
    config: loadConfig({
      PORT: '0',
      ...(url ? { DATABASE_URL: url } : {}),
      DASHBOARD_TOKEN: token,
      COE_TIME_ZONE: timeZone,
      KNOWLEDGE_DIR: knowledgeDir,
      KNOWLEDGE_WATCH: 'false',
      JOBS_ENABLED: 'false',
      LOCAL_EMBEDDINGS: 'false',
      LOG_LEVEL: 'error',
    }),
    store,
    log: createLogger('error'),
  });
  const summaryUrl = `${app.url.replace(/\/$/, '')}/api/metrics/summary?from=2026-11-23&to=2026-11-30`;
  const get = async () => {
    const res = await fetch(summaryUrl, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`summary answered ${res.status}: ${await res.text()}`);
    await res.json();
  };
  await get();
  const http: number[] = [];
  for (let i = 0; i < runs; i++) http.push(await timed(get));
  await app.close();
  await store.close();
  if (dir) await rm(dir, { recursive: true, force: true });

  const result = {
    database: values.pglite ? 'pglite' : 'postgres',
    scale,
    sizes: sizesAt(scale),
    ...(seedMs !== undefined ? { seedSeconds: Math.round(seedMs / 100) / 10 } : {}),
    runs,
    digestQueries: summary(digest),
    summaryHttp: summary(http),
    perQuery,
  };
  console.log(JSON.stringify(result, null, 2));
}

await main();
