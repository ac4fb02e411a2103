import type { Article } from '../articles/article.ts';

/** What a model may see: the question and the articles' own text, nothing about who asked or where. */
export interface SynthesisRequest {
  question: string;
  articles: Pick<Article, 'id' | 'title' | 'body'>[];
}

/** A composed answer whose citations are known to be among the articles sent. */
export interface Synthesis {
  answer: string;
  /** Non-empty, in the order the model gave them. */
  citedArticleIds: string[];
  /** The model judged that the articles do not settle the question: offer a person instead. */
  escalate: boolean;
}

/**
 * Composes an answer from the top articles. Resolves to nothing when there is no composed answer to give
 * (not configured, too slow, failed, or unusable output): the caller then answers with the article itself.
 * Never rejects.
 */
export interface Synthesizer {
  readonly kind: 'openai' | 'none';
  compose(request: SynthesisRequest): Promise<Synthesis | undefined>;
}

/** No model configured: no network call, every answer is the article's own. */
export const noSynthesizer: Synthesizer = { kind: 'none', compose: async () => undefined };
