import type { Article } from './article.ts';
import { type Decision, decide, type Thresholds } from './decide.ts';
import { SearchIndex } from './search-index.ts';
import { noSynonyms, type Synonyms } from './synonyms.ts';

/** What the desk asks of the knowledge base; the eval command goes through this same path. */
export interface KnowledgeBase {
  readonly size: number;
  ask(question: string): Decision;
  get(id: string): Article | undefined;
  /** Uses `phrasing` as another way to ask for the article from now on; false for an unknown article. */
  learn(articleId: string, phrasing: string): boolean;
}

export interface LearnedPhrasing {
  articleId: string;
  phrasing: string;
}

export const defaultThresholds: Thresholds = { answer: 0.55, clarify: 0.3 };

export function createKnowledgeBase(
  articles: readonly Article[],
  thresholds: Thresholds,
  learned: readonly LearnedPhrasing[] = [],
  synonyms: Synonyms = noSynonyms,
): KnowledgeBase {
  const index = new SearchIndex(articles, undefined, synonyms.rewrite);
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const l of learned) index.learn(l.articleId, l.phrasing);
  return {
    size: articles.length,
    ask: (question) => decide(index.search(question), thresholds),
    get: (id) => byId.get(id),
    learn: (articleId, phrasing) => index.learn(articleId, phrasing),
  };
}

/** A knowledge base whose articles can be swapped while the desk runs (files edited on disk). */
export function createReloadableKnowledgeBase(
  initial: KnowledgeBase,
): KnowledgeBase & { replace(next: KnowledgeBase): void } {
  let current = initial;
  return {
    get size() {
      return current.size;
    },
    ask: (question) => current.ask(question),
    get: (id) => current.get(id),
    learn: (articleId, phrasing) => current.learn(articleId, phrasing),
    replace(next) {
      current = next;
    },
  };
}
