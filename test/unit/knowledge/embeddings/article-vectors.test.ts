import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../src/knowledge/articles/article.ts';
import {
  type ArticleVersion,
  createArticleVectors,
  type EmbeddingCache,
} from '../../../../src/knowledge/embeddings/article-vectors.ts';
import { type Embedder, type EmbedOutcome, embeddingText } from '../../../../src/knowledge/embeddings/embed-text.ts';
import { createKnowledgeBase, defaultThresholds } from '../../../../src/knowledge/knowledge-base.ts';
import { createMemoryLogger } from '../../../../src/log.ts';

const article = (id: string, body = `All about ${id}.`): Article => ({
  id,
  title: `${id} title`,
  tags: [],
  questions: [],
  body,
  audience: 'everyone',
});

/** An embedder whose article requests wait until the test lets them answer. */
function heldEmbedder() {
  const calls: { texts: readonly string[]; answer(outcome?: EmbedOutcome): void }[] = [];
  let questions = 0;
  const embedder: Embedder = {
    kind: 'openai',
    model: 'm',
    embedArticles: (articles) =>
      new Promise((resolve) => {
        const texts = articles.map(embeddingText);
        calls.push({ texts, answer: (outcome) => resolve(outcome ?? { ok: true, vectors: texts.map(() => [1, 0]) }) });
      }),
    embedQuestion: async () => {
      questions += 1;
      return [1, 0];
    },
  };
  return { embedder, calls, questions: () => questions };
}

function memoryCache(): EmbeddingCache & { rows: (ArticleVersion & { vector: readonly number[] })[] } {
  const rows: (ArticleVersion & { vector: readonly number[] })[] = [];
  return {
    rows,
    find: async (_model, versions) =>
      new Map(
        rows
          .filter((r) => versions.some((v) => v.articleId === r.articleId && v.contentHash === r.contentHash))
          .map((r) => [r.articleId, [...r.vector]]),
      ),
    save: async (_model, saved) => {
      rows.push(...saved);
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('article vectors', () => {
  it('waits for articles already being embedded when the knowledge base is rebuilt, instead of asking twice', async () => {
    const { embedder, calls } = heldEmbedder();
    const cache = memoryCache();
    const log = createMemoryLogger();
    const vectors = createArticleVectors(embedder, cache, log);
    const articles = [article('vpn'), article('printer')];
    const first = createKnowledgeBase(articles, defaultThresholds);
    await vectors.attach(first, articles);
    const rebuilt = createKnowledgeBase(articles, defaultThresholds);
    await vectors.attach(rebuilt, articles);
    expect(calls).toHaveLength(1);

    calls[0]?.answer();
    await settle();
    expect(cache.rows.map((r) => r.articleId)).toEqual(['vpn', 'printer']);
    // Both instances rank by meaning now: a wordless question finds an article in each.
    expect(first.ask('zzz', [1, 0]).candidates).toHaveLength(2);
    expect(rebuilt.ask('zzz', [1, 0]).candidates).toHaveLength(2);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ msg: 'article embeddings updated', embedded: 2, failed: 0 }),
    );
  });

  it('does not embed a question before any article has a vector, and tries failed articles again later', async () => {
    const { embedder, calls, questions } = heldEmbedder();
    const log = createMemoryLogger();
    const vectors = createArticleVectors(embedder, memoryCache(), log);
    const articles = [article('vpn')];
    await vectors.attach(createKnowledgeBase(articles, defaultThresholds), articles);
    calls[0]?.answer({ ok: false, reason: 'http_error 500' });
    await settle();
    // Tried once more at once, then left for later.
    calls[1]?.answer({ ok: false, reason: 'http_error 500' });
    await settle();
    expect(await vectors.embedQuestion('vpn?')).toBeUndefined();
    expect(questions()).toBe(0);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', embedded: 0, failed: 1, reason: 'http_error 500' }),
    );

    await vectors.attach(createKnowledgeBase(articles, defaultThresholds), articles);
    expect(calls).toHaveLength(3);
    calls[2]?.answer();
    await settle();
    expect(await vectors.embedQuestion('vpn?')).toEqual([1, 0]);
  });

  it('tries a failed batch once more at once, so a model thread that died mid-batch costs no article its vector', async () => {
    const { embedder, calls } = heldEmbedder();
    const cache = memoryCache();
    const log = createMemoryLogger();
    const vectors = createArticleVectors(embedder, cache, log);
    const articles = [article('vpn'), article('printer')];
    await vectors.attach(createKnowledgeBase(articles, defaultThresholds), articles);
    calls[0]?.answer({ ok: false, reason: "local model: the model's thread stopped (exit 1)" });
    await settle();
    expect(calls).toHaveLength(2);
    calls[1]?.answer();
    await settle();
    expect(cache.rows.map((r) => r.articleId)).toEqual(['vpn', 'printer']);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'article embeddings updated', embedded: 2, failed: 0 }),
    );
  });

  it('stops without storing what arrives after it was told to stop', async () => {
    const { embedder, calls } = heldEmbedder();
    const cache = memoryCache();
    const vectors = createArticleVectors(embedder, cache, createMemoryLogger());
    const articles = [article('vpn')];
    await vectors.attach(createKnowledgeBase(articles, defaultThresholds), articles);
    const stopped = vectors.stop();
    calls[0]?.answer();
    await stopped;
    expect(cache.rows).toEqual([]);
  });
});
