import type { Logger } from '../../log.ts';
import type { Article } from '../articles/article.ts';
import type { KnowledgeBase } from '../knowledge-base.ts';
import { contentHash, type Embedder, embeddingText } from './embed-text.ts';

/** One version of one article: its id and the hash of the text that is (or would be) embedded. */
export interface ArticleVersion {
  articleId: string;
  contentHash: string;
}

/** Where vectors outlive the process, so an unchanged article is embedded once, not at every start. */
export interface EmbeddingCache {
  /** Stored vectors of these versions, by article id; versions never embedded are absent. */
  find(model: string, versions: readonly ArticleVersion[]): Promise<Map<string, number[]>>;
  save(model: string, rows: readonly (ArticleVersion & { vector: readonly number[] })[]): Promise<void>;
}

export interface ArticleVectors {
  /** Gives `kb` the stored vectors of these articles now and embeds the rest in the background. */
  attach(kb: KnowledgeBase, articles: readonly Article[]): Promise<void>;
  /** The question's vector; nothing when embeddings are off, no article has one yet, or the call failed. */
  embedQuestion(question: string): Promise<number[] | undefined>;
  /** Abandons background embedding and waits until it has let go (before the store closes). */
  stop(): Promise<void>;
}

/** Small enough for one request's size limits, large enough that a few hundred articles take a few calls. */
const batchSize = 64;

type Version = ArticleVersion & { article: Article };
const keyOf = (v: ArticleVersion) => `${v.articleId}\n${v.contentHash}`;

export function createArticleVectors(embedder: Embedder, cache: EmbeddingCache, log: Logger): ArticleVectors {
  if (embedder.kind === 'none')
    return { attach: async () => {}, embedQuestion: async () => undefined, stop: async () => {} };
  const { model } = embedder;
  // Versions being embedded right now: a rebuild meanwhile waits for them instead of asking again.
  const pending = new Map<string, Promise<number[] | undefined>>();
  const running = new Set<Promise<void>>();
  const stopping = new AbortController();
  const applied = new WeakMap<KnowledgeBase, number>();
  let latest: KnowledgeBase | undefined;

  const give = (kb: KnowledgeBase, articleId: string, vector: readonly number[]) => {
    if (kb.setVector(articleId, vector)) applied.set(kb, (applied.get(kb) ?? 0) + 1);
  };

  async function embedMissing(kb: KnowledgeBase, missing: Version[]): Promise<void> {
    const started = Date.now();
    let embedded = 0;
    let failed = 0;
    let reason: string | undefined;
    const batches: Version[][] = [];
    for (let i = 0; i < missing.length; i += batchSize) batches.push(missing.slice(i, i + batchSize));
    // Every version is pending from the start, so a rebuild during a long first run asks for none twice.
    const settle: ((vectors: number[][] | undefined) => void)[] = [];
    for (const batch of batches) {
      const done = new Promise<number[][] | undefined>((resolve) => settle.push(resolve));
      for (const [j, v] of batch.entries())
        pending.set(
          keyOf(v),
          done.then((vectors) => vectors?.[j]),
        );
    }
    for (const [i, batch] of batches.entries()) {
      const vectors = await embedBatch(batch).catch((err: unknown) => {
        reason = `store: ${err instanceof Error ? err.message : String(err)}`;
        return undefined;
      });
      settle[i]?.(vectors);
      for (const v of batch) pending.delete(keyOf(v));
      if (vectors === undefined) {
        failed += batch.length;
        continue;
      }
      for (const [j, v] of batch.entries()) give(kb, v.articleId, vectors[j] as number[]);
      embedded += batch.length;
    }
    if (stopping.signal.aborted) return;
    const fields = { embedded, failed, model, ms: Date.now() - started, ...(reason ? { reason } : {}) };
    // Failed articles are tried again at the next reload or start.
    if (failed > 0) log.warn('article embeddings updated', fields);
    else log.info('article embeddings updated', fields);

    async function embedBatch(batch: Version[]): Promise<number[][] | undefined> {
      if (stopping.signal.aborted) return undefined;
      const articles = batch.map((v) => v.article);
      let outcome = await embedder.embedArticles(articles, stopping.signal);
      // A model thread that died mid-batch (it starts again at the next call) or a passing failure is worth
      // one more try now: otherwise these articles rank by words alone until the next reload or start.
      if (!outcome.ok && !stopping.signal.aborted) outcome = await embedder.embedArticles(articles, stopping.signal);
      if (!outcome.ok) {
        reason = outcome.reason;
        return undefined;
      }
      if (stopping.signal.aborted) return undefined;
      await cache.save(
        model,
        batch.map((v, j) => ({ articleId: v.articleId, contentHash: v.contentHash, vector: outcome.vectors[j] ?? [] })),
      );
      return outcome.vectors;
    }
  }

  return {
    async attach(kb, articles) {
      latest = kb;
      const versions = articles.map((a): Version => {
        return { articleId: a.id, contentHash: contentHash(embeddingText(a)), article: a };
      });
      const lookUp: Version[] = [];
      for (const v of versions) {
        const inFlight = pending.get(keyOf(v));
        if (inFlight) void inFlight.then((vector) => vector && give(kb, v.articleId, vector));
        else lookUp.push(v);
      }
      let cached: Map<string, number[]>;
      try {
        cached = await cache.find(model, lookUp);
      } catch (err) {
        // Without the cache, embedding everything again would be costly: wait for the next reload instead.
        log.warn('article embeddings could not be read; ranking by words alone', { err });
        return;
      }
      const missing = lookUp.filter((v) => {
        const vector = cached.get(v.articleId);
        if (vector) give(kb, v.articleId, vector);
        return !vector;
      });
      if (missing.length === 0) return;
      const work = embedMissing(kb, missing).catch((err: unknown) =>
        log.error('article embedding stopped unexpectedly', { err }),
      );
      running.add(work);
      void work.finally(() => running.delete(work));
    },
    async embedQuestion(question) {
      // A vector for the question is no use until some article has one to compare it with.
      if (!latest || (applied.get(latest) ?? 0) === 0) return undefined;
      return embedder.embedQuestion(question);
    },
    async stop() {
      stopping.abort();
      await Promise.allSettled(running);
    },
  };
}
