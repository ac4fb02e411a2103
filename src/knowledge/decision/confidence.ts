import type { Signals } from '../search/search-scratch.ts';

/**
 * How sure the desk is that an article answers a question, as a chance (0..1) that it is the right one.
 *
 * The word evidence: the question's meaningful words are covered, one phrasing of the article says nearly
 * the same, and no other article comes close (`lead`, the top score's lead over the runner-up as a share of
 * it; only the top candidate has one). With the bundled embedding model, how close the question's meaning
 * is to the article's, and how much closer than the runner-up's, count as well. Logistic curves, fitted on
 * the evaluation dev sets (each set weighted equally), turn that into a chance, so a threshold of 0.8 means
 * about eight in ten of the answers given are right. `npm run eval -- --sweep` shows what each threshold
 * trades on a set.
 */
export interface Meaning {
  /** Whether the question's vector came from the model the meaning curve was fitted on. */
  calibrated: boolean;
  /** The top article's cosine minus the runner-up's; 0 for the others. */
  gap: number;
}

/**
 * The model the meaning curve was fitted on: the bundled one (local-embedder.ts files its vectors under this
 * name). Another model's cosines are on another scale, so with it meaning ranks but does not add confidence.
 */
export const calibratedModel = 'use-lite-512:mean-of-parts-1';

/** Words alone: no embeddings, or a model the curve was not fitted on (its cosines mean something else). */
const words = { slope: 6.688, offset: -1.504 };
/** The bundled model (local-embedder.ts): the word evidence, the cosine, its gap, and the lead on its own. */
const withMeaning = { evidence: 3.958, cosine: 6.595, gap: 1.267, lead: 3.927, offset: -5.389 };

/**
 * Below these, a runner-up is not worth offering among "Which of these?": about what an article gets for a
 * stray shared word. On the three dev sets the runners-up below them were never the right article (none of
 * 110 by words, none of 111 with the bundled model), while most of the right ones offered were well above.
 */
const offerFrom = { words: 0.25, withMeaning: 0.15 };

/** Whether a runner-up is worth offering as a choice (see `offerFrom`). */
export const worthOffering = (confidence: number, meaning?: Meaning) =>
  confidence >= (meaning?.calibrated ? offerFrom.withMeaning : offerFrom.words);

/**
 * What a confidence is computed from, in the order the shipped curve weighs them (see `shippedCurve`): the
 * top candidate's are logged with each question, so a desk can refit the curve to its own outcomes.
 */
export type Features = number[];

/** A logistic curve over features: the shipped one, or one a desk fitted (calibration.ts). */
export interface Curve {
  weights: readonly number[];
  offset: number;
}

const shippedWithMeaning: Curve = {
  weights: [withMeaning.evidence, withMeaning.cosine, withMeaning.gap, withMeaning.lead],
  offset: withMeaning.offset,
};
const shippedWords: Curve = { weights: [words.slope], offset: words.offset };

/** The shipped curve for features of one kind: with the bundled model's meaning, or words alone. */
export const shippedCurve = (withMeaningFeatures: boolean): Curve =>
  withMeaningFeatures ? shippedWithMeaning : shippedWords;

export function toFeatures(signals: Signals, lead: number | undefined, meaning?: Meaning): Features {
  const closeness = 0.5 * signals.coverage + 0.5 * Math.max(signals.phrasing, signals.learned);
  const margin = lead === undefined ? 0.5 : Math.min(1, lead + 0.5);
  const evidence = Math.min(1, closeness * margin);
  // Someone said this article did not help with this very question: it is not answered with it confidently
  // again, but it stays among the choices, so the next person can still pick it (and teach it back).
  const kept = 1 - 0.5 * signals.unhelpful;
  return meaning?.calibrated
    ? [kept * evidence, kept * signals.semantic, kept * meaning.gap, kept * Math.min(1, lead ?? 0)]
    : [kept * evidence];
}

/** The chance a curve gives features; extra features a curve has no weight for count nothing. */
export function onCurve(curve: Curve, features: readonly number[]): number {
  let z = curve.offset;
  for (const [i, w] of curve.weights.entries()) z += w * (features[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

export function toConfidence(signals: Signals, lead: number | undefined, meaning?: Meaning): number {
  return onCurve(shippedCurve(meaning?.calibrated === true), toFeatures(signals, lead, meaning));
}
