import type { Article } from './article.ts';
import { type Decision, decide, type Thresholds } from './decide.ts';
import { SearchIndex } from './search-index.ts';

/** What the desk asks of the knowledge base; the eval command goes through this same path. */
export interface KnowledgeBase {
  readonly size: number;
  ask(question: string): Decision;
  get(id: string): Article | undefined;
}

export const defaultThresholds: Thresholds = { answer: 0.55, clarify: 0.3 };

export function createKnowledgeBase(articles: readonly Article[], thresholds: Thresholds): KnowledgeBase {
  const index = new SearchIndex(articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  return {
    size: articles.length,
    ask: (question) => decide(index.search(question), thresholds),
    get: (id) => byId.get(id),
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
    replace(next) {
      current = next;
    },
  };
}
