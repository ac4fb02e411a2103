import { createHash } from 'node:crypto';
import type { Article } from '../articles/article.ts';

export type EmbedOutcome = { ok: true; vectors: number[][] } | { ok: false; reason: string };

/**
 * Turns text into embedding vectors. Only article text and questions are ever sent. Never rejects:
 * a failed batch is an outcome, a failed question is no vector (ranking then goes by words alone).
 */
export interface Embedder {
  readonly kind: 'openai' | 'local' | 'none';
  /** Vectors of different models do not compare: the model is part of what is cached. */
  readonly model: string;
  /** One vector per article, in order; `signal` abandons the request (the desk is stopping). */
  embedArticles(articles: readonly EmbeddedArticle[], signal?: AbortSignal): Promise<EmbedOutcome>;
  embedQuestion(question: string): Promise<number[] | undefined>;
}

/**
 * A question's vector is only worth having while the person is still waiting for the answer it ranks:
 * past this, whichever model is slow, the reply goes out ranked by words alone.
 */
export const maxQuestionMs = 2000;

/** The parts of an article that are embedded: what people's questions are matched against. */
export type EmbeddedArticle = Pick<Article, 'title' | 'questions' | 'body'>;

/** No embedding model configured: nothing is sent anywhere. */
export const noEmbedder: Embedder = {
  kind: 'none',
  model: '',
  embedArticles: async () => ({ ok: false, reason: 'not_configured' }),
  embedQuestion: async () => undefined,
};

/**
 * Embedding models read a few thousand words at most; the opening of an article says what it is about,
 * which is what a question's meaning is compared with.
 */
const maxChars = 8000;

/** What an article is embedded as: the fields people's questions are matched against, in one text. */
export function embeddingText(article: EmbeddedArticle): string {
  return [article.title, ...article.questions, article.body].join('\n\n').slice(0, maxChars);
}

/** Names one version of the embedded text: an edit changes it, a touched but unchanged file does not. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
