/**
 * `npx tsx bench/digest-explain.ts [part …]`: EXPLAIN ANALYZE of every statement the digest's queries send,
 * on the database `npm run bench:digest` seeded (Postgres `tierdesk_bench`), slowest first: where an index
 * would help. Statements are caught as the driver sends them, then explained with the same parameters.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { periodOf } from '../src/digests/period.ts';
import { loadArticles } from '../src/knowledge/articles/load-articles.ts';
import { createLogger } from '../src/log.ts';
import { defaultSlaPolicies } from '../src/sla/sla-policy.ts';
import type { Db } from '../src/store/db.ts';
import * as schema from '../src/store/schema.ts';
import { digestParts } from './digest-parts.ts';

const url = 'postgres://postgres@127.0.0.1:5432/tierdesk_bench';
const sent: { query: string; params: unknown[] }[] = [];
const client = postgres(url, {
  max: 1,
  onnotice: () => {},
  // As the desk's own connections (src/store/open-store.ts), so the plans are the ones it runs.
  connection: { jit: 'off', work_mem: '32MB' },
  debug: (_c, query, params) => sent.push({ query, params }),
});
const db = drizzle({ client, schema }) as unknown as Db;
const articles = await loadArticles(new URL('../knowledge', import.meta.url).pathname, createLogger('error'));
const kb = { articles: () => articles, get: (id: string) => articles.find((a) => a.id === id) };
const parts = digestParts(db, kb, periodOf('2026-11-23', '2026-11-30', 'Europe/London'), defaultSlaPolicies);
const wanted = process.argv.slice(2);
const plans: { part: string; ms: number; plan: string }[] = [];
for (const [name, run] of Object.entries(parts)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  sent.length = 0;
  await run();
  for (const { query, params } of [...sent]) {
    const rows = await client.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
    const plan = rows.map((r) => String(r['QUERY PLAN'])).join('\n');
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? 0);
    plans.push({ part: name, ms, plan });
  }
}
for (const p of plans.sort((a, b) => b.ms - a.ms)) console.log(`\n===== ${p.part}: ${p.ms} ms\n${p.plan}`);
await client.end();
