/** The fields BM25F weighs separately. */
export type Field = 'title' | 'questions' | 'learned' | 'tags' | 'body';

/** The knobs of the ranking; the defaults are what the desk uses, measured with `npm run eval`. */
export interface RankingOptions {
  /** BM25F field weights: a match in the title or a phrasing says more than one deep in the body. */
  weights: Record<Field, number>;
  k1: number;
  b: number;
  /** How much a stopword ("how", "when", "my") counts next to a word that says what the question is about. */
  stopWeight: number;
  /** How much the best written phrasing (title or question) counts next to the whole-article score (0..1). */
  phrasingWeight: number;
  /** How much the best learned phrasing (a question people confirmed) counts. */
  learnedWeight: number;
  /** How much the same question asked again counts: for the article it was confirmed for… */
  repeatWeight: number;
  /** …and against the article it was said not to be helped by. */
  unhelpfulWeight: number;
  /** How much the embedding cosine counts, when the desk has embeddings. */
  semanticWeight: number;
}

/** Measured with `npm run eval` on the three dev sets together, and on StackFAQ split for `--learn`. */
export const defaultRanking: RankingOptions = {
  weights: { title: 5, questions: 2, learned: 2, tags: 2, body: 1 },
  k1: 5,
  b: 0.9,
  stopWeight: 0.5,
  phrasingWeight: 0.7,
  // Learned phrasings already count in BM25 (their own field); as a separate signal, more than a tie-breaker
  // let one person's wording pull in other articles' questions.
  learnedWeight: 0.1,
  // The very question asked again: the article people confirmed goes first, whatever else competes; the one
  // said not to help drops behind its neighbours but stays among the choices (see confidence.ts).
  repeatWeight: 2,
  unhelpfulWeight: 1,
  // Measured with the bundled model (local-embedder.ts): 1.5 to 3 are within a point of each other.
  semanticWeight: 2,
};

/**
 * How far a question is the same one asked again: 0 up to 70 % alike, 1 for the same words. A question
 * people confirmed, or said was not helped, says most about exactly that question, little about neighbours.
 */
export const askedAgain = (cosine: number) => Math.max(0, (cosine - 0.7) / 0.3);
