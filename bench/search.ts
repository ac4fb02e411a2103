/**
 * `npm run bench [-- --json]`: latency of one knowledge-base `ask` (search + answer decision, by words and
 * meaning, as the desk ships) at 100, 1,000 and 10,000 articles, as p50 / p99 / mean over 1,000 real
 * evaluation queries, plus index build time; and the time to embed one question with the bundled model,
 * which the desk does before it asks. Larger knowledge bases are grown from the real evaluation articles
 * by deterministic variants, each with its base article's vector.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Article } from '../src/knowledge/articles/article.ts';
import { createLocalEmbedder, embedAll, localModelName } from '../src/knowledge/embeddings/local-embedder.ts';
import { seededRandom as rng } from '../src/knowledge/eval/seeded-random.ts';
import { createKnowledgeBase, defaultThresholds, type KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { parseSynonyms } from '../src/knowledge/search/synonyms.ts';
import { createLogger } from '../src/log.ts';
import { buildArticles, hashString, loadEvalData, shuffled, VariantMaker } from './article-variants.ts';

const sizes = [100, 1_000, 10_000];
const measuredQueries = 1_000;
const warmupQueries = 100;
/** Questions embedded one at a time, the way the desk embeds a person's question. */
const embeddedQuestions = 200;

interface Row {
  articles: number;
  buildMs: number;
  queries: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

// --- measurement --------------------------------------------------------------------------------------

/** Nearest-rank percentile: an actually observed latency, never an interpolation between two. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** Keeps every decision observably used, so no optimiser can decide a timed call is dead code. */
let sink = 0;

/** Every article's and every query's vector, computed once before anything is timed. */
interface Vectors {
  articles: Map<string, number[]>;
  queries: Map<string, number[] | undefined>;
}

function timeQueries(kb: KnowledgeBase, queries: readonly string[], vectors: Vectors): number[] {
  const durations: number[] = [];
  for (const query of queries) {
    const vector = vectors.queries.get(query);
    const start = performance.now();
    const decision = kb.ask(query, vector);
    durations.push(performance.now() - start);
    sink += decision.candidates.length;
  }
  return durations;
}

/** The synonym list the desk ships with: rewriting is part of every search, so it is part of the cost. */
const synonyms = parseSynonyms(readFileSync(new URL('../knowledge/synonyms.txt', import.meta.url), 'utf8')).synonyms;

function measure(
  size: number,
  bases: readonly Article[],
  allQueries: readonly string[],
  maker: VariantMaker,
  vectors: Vectors,
): Row {
  const articles = buildArticles(bases, size, maker);

  const buildStart = performance.now();
  const kb = createKnowledgeBase(articles, defaultThresholds, undefined, synonyms, localModelName);
  for (const a of articles) kb.setVector(a.id, vectors.articles.get(a.id.split('~')[0] as string) ?? []);
  const buildMs = performance.now() - buildStart;

  // One shuffled order per size: measured queries first, warm-up taken from the rest so that the JIT is
  // warmed on the same kind of text without replaying the measured queries.
  const order = shuffled(allQueries, rng(hashString(`queries:${size}`)));
  const nth = (i: number) => order[i % order.length] as string;
  const measured = Array.from({ length: measuredQueries }, (_, i) => nth(i));
  const warmup = Array.from({ length: warmupQueries }, (_, i) => nth(measuredQueries + i));

  timeQueries(kb, warmup, vectors);
  const durations = timeQueries(kb, measured, vectors).sort((x, y) => x - y);
  const mean = durations.reduce((sum, d) => sum + d, 0) / durations.length;
  return {
    articles: kb.size,
    buildMs,
    queries: durations.length,
    p50Ms: percentile(durations, 50),
    p99Ms: percentile(durations, 99),
    meanMs: mean,
  };
}

// --- output -------------------------------------------------------------------------------------------

function table(rows: readonly Row[], header: string): string {
  const columns: [string, (r: Row) => string][] = [
    ['articles', (r) => String(r.articles)],
    ['build ms', (r) => r.buildMs.toFixed(0)],
    ['queries', (r) => String(r.queries)],
    ['p50 ms', (r) => r.p50Ms.toFixed(3)],
    ['p99 ms', (r) => r.p99Ms.toFixed(3)],
    ['mean ms', (r) => r.meanMs.toFixed(3)],
  ];
  const cells = [columns.map(([name]) => name), ...rows.map((r) => columns.map(([, format]) => format(r)))];
  const widths = columns.map((_, c) => Math.max(...cells.map((line) => (line[c] ?? '').length)));
  const lines = cells.map((line) => line.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('   '));
  return [header, ...lines].join('\n');
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function vectorsOf(bases: readonly Article[], queries: readonly string[]): Promise<Vectors> {
  const unique = [...new Set(queries)];
  const vectors = await embedAll(bases, unique, createLogger('warn'));
  return {
    articles: new Map(bases.map((a, i) => [a.id, vectors.articles[i] ?? []])),
    queries: new Map(unique.map((q, i) => [q, vectors.questions[i]])),
  };
}

/** One question at a time through the model's thread, as the desk does before it searches. */
async function timeEmbedding(queries: readonly string[]) {
  const embedder = createLocalEmbedder(createLogger('warn'));
  const order = shuffled(queries, rng(hashString('embedding')));
  const durations: number[] = [];
  for (const [i, q] of order.slice(0, embeddedQuestions + 20).entries()) {
    const start = performance.now();
    await embedder.embedQuestion(q);
    if (i >= 20) durations.push(performance.now() - start); // the first few warm the model up
  }
  durations.sort((x, y) => x - y);
  return {
    queries: durations.length,
    p50Ms: percentile(durations, 50),
    p99Ms: percentile(durations, 99),
    meanMs: durations.reduce((sum, d) => sum + d, 0) / durations.length,
  };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
  const evalRoot = new URL('../../shared/eval/', import.meta.url);
  if (!existsSync(evalRoot)) {
    console.error(`bench: evaluation data not found at ${evalRoot.pathname}`);
    console.error('bench: it builds articles and queries from ../shared/eval/*/{articles,queries}.jsonl');
    return 1;
  }
  const { articles: bases, queries } = loadEvalData(evalRoot);
  if (bases.length === 0 || queries.length === 0) {
    console.error(`bench: no articles.jsonl / queries.jsonl lines found under ${evalRoot.pathname}`);
    return 1;
  }

  const maker = new VariantMaker(bases);
  const vectors = await vectorsOf(bases, queries);
  const rows = sizes.map((size) => measure(size, bases, queries, maker, vectors));
  const embedding = await timeEmbedding(queries);
  const cpu = cpus()[0]?.model.trim() ?? 'unknown cpu';

  if (values.json) {
    const json = rows.map((r) => ({
      ...r,
      buildMs: round(r.buildMs),
      p50Ms: round(r.p50Ms),
      p99Ms: round(r.p99Ms),
      meanMs: round(r.meanMs),
    }));
    const embeddingJson = {
      ...embedding,
      p50Ms: round(embedding.p50Ms),
      p99Ms: round(embedding.p99Ms),
      meanMs: round(embedding.meanMs),
    };
    console.log(JSON.stringify({ node: process.version, cpu, rows: json, questionEmbedding: embeddingJson }));
  } else {
    console.log(table(rows, `search + decision latency, words and meaning (node ${process.version}, ${cpu})`));
    console.log(
      `\nembedding one question with the bundled model (${embedding.queries} questions): ` +
        `p50 ${embedding.p50Ms.toFixed(1)} ms, p99 ${embedding.p99Ms.toFixed(1)} ms, mean ${embedding.meanMs.toFixed(1)} ms`,
    );
  }
  // Never true; reading the sink is what keeps the timed work observable.
  if (sink < 0) console.log(sink);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`bench: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
