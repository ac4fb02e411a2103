import type { Article } from './articles/article.ts';

/** Who is asking: anyone, or the help desk, who may also be answered from `audience: staff` articles. */
export type Audience = Article['audience'];

/** How many candidates a decision weighs. */
const considered = 5;

import { type FeatureKind, featureCount } from './calibration/calibrate.ts';
import { type Curve, calibratedModel, onCurve } from './decision/confidence.ts';
import { type Decision, decide, type Thresholds } from './decision/decide.ts';
import { judgeByAskingPart } from './search/asking-part.ts';
import type { Candidate } from './search/rank-candidates.ts';
import { SearchIndex } from './search/search-index.ts';
import { noSynonyms, type Synonyms } from './search/synonyms.ts';

/** What the desk asks of the knowledge base; the eval command goes through this same path. */
export interface KnowledgeBase {
  readonly size: number;
  /** The features its confidences are computed from: with the bundled model's meaning, or words alone. */
  readonly featureKind: FeatureKind;
  /**
   * `questionVector`: the question's embedding, when the desk has embeddings (see `setVector`). `reader`
   * `everyone`: articles for the help desk only (`audience: staff`) are left out, as if they did not exist.
   */
  ask(
    question: string,
    questionVector?: readonly number[],
    reader?: Audience,
    sentenceVectors?: SentenceVectors,
  ): Decision;
  /** Gives an article its embedding vector, of the model questions are embedded with; false if unknown. */
  setVector(articleId: string, vector: readonly number[]): boolean;
  get(id: string): Article | undefined;
  /** Every article loaded, in file-name order: what the knowledge metrics list stale and new articles from. */
  articles(): readonly Article[];
  /** Uses `phrasing` as another way to ask for the article from now on; false for an unknown article. */
  learn(articleId: string, phrasing: string): boolean;
  /** Takes back `learn(articleId, phrasing)`; false when it was not learned. */
  unlearn(articleId: string, phrasing: string): boolean;
  /**
   * People said the article did not help with `question`: that pairing ranks lower from now on, by
   * `strength` (0..1, the weight of their votes, learning/feedback-votes.ts; 0 takes it back).
   */
  penalise(articleId: string, question: string, strength?: number): boolean;
  /** Decides with a curve fitted to the desk's own outcomes, and its threshold; undefined: the shipped one. */
  decideWith(fitted: FittedDecision | undefined): void;
}

/** Each sentence's own embedding, for a message of several (see search/asking-part.ts); missing: the whole's. */
export type SentenceVectors = ReadonlyMap<string, readonly number[]>;

/** A curve a desk fitted (calibration/calibrate.ts) for questions of one feature kind, and where it answers. */
export interface FittedDecision {
  kind: FeatureKind;
  curve: Curve;
  answerAt: number;
}

export interface LearnedPhrasing {
  articleId: string;
  phrasing: string;
}

/** A question people said the article it was answered with did not help with, and how much they weigh. */
export interface UnhelpfulPairing {
  articleId: string;
  question: string;
  strength?: number;
}

/** What people told the desk: questions an article answered, and questions it did not help with. */
export interface Feedback {
  learned: readonly LearnedPhrasing[];
  unhelpful: readonly UnhelpfulPairing[];
}

/**
 * Confidence is a chance of being right (see confidence.ts). Answering at 0.85 keeps confident wrong answers
 * near one in ten or fewer on the dev sets; below 0.55 the best guesses are more often wrong than right, so
 * a human is offered instead of choices.
 */
export const defaultThresholds: Thresholds = { answer: 0.85, clarify: 0.55 };

export function createKnowledgeBase(
  articles: readonly Article[],
  thresholds: Thresholds,
  feedback: Feedback = { learned: [], unhelpful: [] },
  synonyms: Synonyms = noSynonyms,
  /** The model article and question vectors will come from, if any (see `setVector`). */
  embeddingModel?: string,
): KnowledgeBase {
  const index = new SearchIndex(articles, undefined, synonyms.rewrite, embeddingModel === calibratedModel);
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const l of feedback.learned) index.learn(l.articleId, l.phrasing);
  for (const u of feedback.unhelpful) index.penalise(u.articleId, u.question, u.strength);
  const staffOnly = articles.filter((a) => a.audience === 'staff').length;
  let fitted: FittedDecision | undefined;
  /**
   * The fitted curve re-judges every candidate; a question of another kind (its embedding failed, so words
   * alone) keeps the shipped curve and threshold, which its confidence was computed on.
   */
  const decideAll = (candidates: Candidate[]) => {
    const kindMatches = fitted !== undefined && candidates[0]?.features.length === featureCount[fitted.kind];
    if (!fitted || !kindMatches) return decide(candidates, thresholds);
    const { curve, answerAt } = fitted;
    const rejudged = candidates.map((c) => ({ ...c, confidence: onCurve(curve, c.features) }));
    return decide(rejudged, { answer: answerAt, clarify: Math.min(thresholds.clarify, answerAt) });
  };
  return {
    size: articles.length,
    featureKind: embeddingModel === calibratedModel ? 'meaning' : 'words',
    ask(question, questionVector, reader = 'staff', sentenceVectors) {
      const search = (text: string) => {
        const vector = text === question ? questionVector : (sentenceVectors?.get(text) ?? questionVector);
        if (reader === 'staff' || staffOnly === 0) return index.search(text, considered, vector);
        // Search as deep as the hidden articles could reach, so `considered` visible ones remain to weigh.
        const found = index.search(text, considered + staffOnly, vector);
        return found.filter((c) => c.article.audience === 'everyone').slice(0, considered);
      };
      return decideAll(judgeByAskingPart(question, search));
    },
    decideWith(next) {
      fitted = next;
    },
    setVector: (articleId, vector) => index.setVector(articleId, vector),
    get: (id) => byId.get(id),
    articles: () => articles,
    learn: (articleId, phrasing) => index.learn(articleId, phrasing),
    unlearn: (articleId, phrasing) => index.unlearn(articleId, phrasing),
    penalise: (articleId, question, strength) => index.penalise(articleId, question, strength),
  };
}

/** A knowledge base whose articles can be swapped while the desk runs (files edited on disk). */
export function createReloadableKnowledgeBase(
  initial: KnowledgeBase,
): KnowledgeBase & { replace(next: KnowledgeBase): void } {
  let current = initial;
  // The decision in use outlives a rebuild: edited articles do not undo a calibration.
  let fitted: FittedDecision | undefined;
  return {
    get size() {
      return current.size;
    },
    get featureKind() {
      return current.featureKind;
    },
    ask: (question, questionVector, reader, sentenceVectors) =>
      current.ask(question, questionVector, reader, sentenceVectors),
    setVector: (articleId, vector) => current.setVector(articleId, vector),
    get: (id) => current.get(id),
    articles: () => current.articles(),
    learn: (articleId, phrasing) => current.learn(articleId, phrasing),
    unlearn: (articleId, phrasing) => current.unlearn(articleId, phrasing),
    penalise: (articleId, question, strength) => current.penalise(articleId, question, strength),
    decideWith(next) {
      fitted = next;
      current.decideWith(next);
    },
    replace(next) {
      next.decideWith(fitted);
      current = next;
    },
  };
}
