/**
 * `npm run bench:export [-- --rows N] [--database-url postgres://…/tierdesk_export_bench] [--json]`: whether a
 * year's export streams at constant memory. Seeds N interactions (default 200 000) spread over 2026 in one
 * bulk insert (generate_series), into a fresh PGlite folder or, with --database-url, a scratch Postgres
 * database that is created when missing (never point it at a database anything else uses: its tables are
 * emptied and filled). Then the desk, in this process, serves /api/export/interactions.csv for the whole year
 * to a client that counts the bytes and keeps none, twice: once sampling RSS, once sampling live memory. A
 * desk that gathered the export in memory would grow by about the file's size; a streaming one does not.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createMemoryLogger } from '../src/log.ts';
import { loadConfig, startApp } from '../src/main.ts';
import { openStore } from '../src/store/open-store.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    'database-url': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const databaseUrl = values['database-url'];
const token = 'export-bench-token-0123456789abcdef';
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const say = (line: string) => values.json || console.log(line);
const gc = (globalThis as { gc?: () => void }).gc;
/** Live memory: what is still reachable after a full collection (heap and buffers). */
const live = () => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

/** The scratch database exists afterwards: made through the server's `postgres` database if missing. */
async function ensureDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`use a plain database name, not "${name}"`);
  const adminUrl = Object.assign(new URL(url), { pathname: '/postgres' }).toString();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (found.length === 0) await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

/** Downloads the year's export, keeping nothing but counts, while `measure` is sampled every `everyMs`. */
async function exportYear(url: string, measure: () => number, everyMs: number) {
  let peak = measure();
  const sampler = setInterval(() => {
    peak = Math.max(peak, measure());
  }, everyMs);
  const started = Date.now();
  try {
    const res = await fetch(new URL('api/export/interactions.csv?from=2026-01-01&to=2027-01-01', url), {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body) {
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 10) lines++;
    }
    return { bytes, rows: lines - 1, seconds: (Date.now() - started) / 1000, peak: Math.max(peak, measure()) };
  } finally {
    clearInterval(sampler);
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-export-bench-'));
if (databaseUrl) await ensureDatabase(databaseUrl);
const store = await openStore({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
const config = loadConfig({
  PORT: '0',
  DATA_DIR: dataDir,
  KNOWLEDGE_DIR: fileURLToPath(new URL('../knowledge', import.meta.url)),
  KNOWLEDGE_WATCH: 'false',
  LOCAL_EMBEDDINGS: 'false',
  JOBS_ENABLED: 'false',
  DASHBOARD_TOKEN: token,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const app = await startApp({ config, store, log: createMemoryLogger() });
try {
  const seeded = Date.now();
  await store.db.execute(sql`truncate interactions, people restart identity cascade`);
  await store.db.execute(sql`insert into people (platform, workspace, user_id, display_name)
    select 'local', 'local', 'bench' || i, 'Bench person ' || i from generate_series(1, 1000) as i`);
  await store.db.execute(sql`insert into interactions (person_id, place, question, outcome, article_id, confidence, candidates, created_at)
    select 1 + i % 1000, jsonb_build_object('platform', 'local', 'workspace', 'local', 'channel', '#help'),
      'how do I reset my password? (asked ' || i || ', with a few more words to make it a realistic line)',
      (array['answered', 'clarified', 'declined'])[1 + i % 3]::answer_outcome, 'password-reset', 0.9, '[]',
      timestamptz '2026-01-01 00:00:00+00' + (i::float8 / ${rows}) * interval '364 days'
    from generate_series(1, ${rows}) as i`);
  // As autovacuum would soon after: without statistics the planner takes the fresh table for a small one and
  // sorts all of it for every page instead of walking the (created_at, id) index.
  await store.db.execute(sql`analyze interactions`);
  await store.db.execute(sql`analyze people`);
  say(`seeded ${rows} interactions in ${((Date.now() - seeded) / 1000).toFixed(1)} s (${store.kind})`);

  // First RSS, as an operator sees it: it includes garbage V8 has not collected yet, which grows with how fast
  // pages come (up to V8's own limits), not with the file. Then the same export sampling live memory after
  // forced collections: what an export really keeps (slower, since the collections cost).
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const rss = await exportYear(app.url, () => process.memoryUsage().rss, 20);
  const liveBefore = live();
  const alive = await exportYear(app.url, live, 250);
  const result = {
    store: store.kind,
    rows: rss.rows,
    file_mb: mb(rss.bytes),
    seconds: rss.seconds,
    rss_before_mb: mb(rssBefore),
    rss_peak_mb: mb(rss.peak),
    rss_growth_mb: mb(rss.peak - rssBefore),
    live_before_mb: mb(liveBefore),
    live_peak_mb: mb(alive.peak),
  };
  if (values.json) console.log(JSON.stringify(result));
  say(
    `exported ${result.rows} rows (${result.file_mb} MB) in ${result.seconds.toFixed(1)} s; ` +
      `RSS ${result.rss_before_mb} MB before, ${result.rss_peak_mb} MB at peak (+${result.rss_growth_mb} MB); ` +
      `live ${result.live_before_mb} MB before, ${result.live_peak_mb} MB at most` +
      (gc ? '' : ' (no forced collections: run with node --expose-gc)'),
  );
} finally {
  await app.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
}
