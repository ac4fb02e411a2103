import { type Curve, onCurve, shippedCurve } from '../decision/confidence.ts';
import { type AtThreshold, atThreshold, chooseThreshold } from './choose-threshold.ts';
import { fitCurve, type LabelledFeatures } from './fit-curve.ts';

/** Which shipped curve features belong to: with the bundled model's meaning (4 features) or words alone (1). */
export type FeatureKind = 'meaning' | 'words';
export const featureCount: Record<FeatureKind, number> = { meaning: 4, words: 1 };

export interface CalibrationSettings {
  /** ANSWER_MAX_WRONG_RATE: the share of confident answers that may be wrong. */
  maxWrongRate: number;
  /** The answer threshold the shipped curve is used with (ANSWER_MIN_CONFIDENCE or its default). */
  shippedThreshold: number;
}

/** What the decision is: the curve that turns features into a chance, and the threshold to answer at. */
export interface Calibration {
  method: 'shipped' | 'fitted';
  kind: FeatureKind;
  curve: Curve;
  /** Above 1 (nothing is that sure) when no threshold met the target: every question is asked back or declined. */
  threshold: number;
  /** Logged outcomes it was measured on (and, fitted, fitted to). */
  outcomes: number;
  /** On those outcomes: with this curve at its threshold, and with the shipped curve as before. */
  expected: Omit<AtThreshold, 'threshold'>;
  shipped: Omit<AtThreshold, 'threshold'>;
  /** Why this one: fitted, too few outcomes, or the fit was no better. */
  reason: 'fitted' | 'too_few_outcomes' | 'not_better' | 'reset';
}

/** Below this many outcomes of the desk's feature kind, the shipped curve stays: a fit on fewer is noise. */
export const minOutcomes = 50;

/** What the decision is with the shipped curve and threshold: before anything is logged, and after a reset. */
export function shippedCalibration(
  kind: FeatureKind,
  rows: readonly LabelledFeatures[],
  settings: CalibrationSettings,
  reason: Calibration['reason'],
): Calibration {
  const curve = shippedCurve(kind === 'meaning');
  const { threshold: _, ...measured } = atThreshold(judge(curve, rows), settings.shippedThreshold);
  return {
    method: 'shipped',
    kind,
    curve,
    threshold: settings.shippedThreshold,
    outcomes: rows.length,
    expected: measured,
    shipped: measured,
    reason,
  };
}

/**
 * Refits the curve to the desk's own outcomes (with the shipped curve as the prior) and chooses the answer
 * threshold that meets the wrong-answer target on them. The shipped curve stays when too little is logged,
 * or when the fit would answer the logged questions more wrongly than the shipped curve did, past the target.
 */
export function calibrate(
  kind: FeatureKind,
  logged: readonly LabelledFeatures[],
  settings: CalibrationSettings,
): Calibration {
  // Outcomes logged under another kind (the embedding model changed since) say nothing of this curve.
  const rows = logged.filter((r) => r.features.length === featureCount[kind]);
  if (rows.length < minOutcomes) return shippedCalibration(kind, rows, settings, 'too_few_outcomes');
  const before = shippedCalibration(kind, rows, settings, 'not_better');
  const curve = fitCurve(rows, before.curve);
  const judged = heldOut(rows, before.curve);
  const chosen = chooseThreshold(judged, settings.maxWrongRate) ?? { ...atThreshold(judged, 1.01), threshold: 1.01 };
  const { threshold, ...expected } = chosen;
  if (expected.wrongRate > Math.max(before.shipped.wrongRate, settings.maxWrongRate)) return before;
  return {
    method: 'fitted',
    kind,
    curve,
    threshold,
    outcomes: rows.length,
    expected,
    shipped: before.shipped,
    reason: 'fitted',
  };
}

/** How many parts the outcomes are split into, so that each is judged by a curve fitted without it. */
const folds = 5;

/**
 * Each outcome judged by a curve fitted to the others (five-fold): a curve judged on the outcomes it was
 * fitted to flatters itself, and a threshold chosen on that flattery was over target on the next questions.
 */
function heldOut(rows: readonly LabelledFeatures[], prior: Curve) {
  const judged = new Array<{ chance: number; correct: boolean }>(rows.length);
  for (let fold = 0; fold < folds; fold++) {
    const curve = fitCurve(
      rows.filter((_, i) => i % folds !== fold),
      prior,
    );
    rows.forEach((r, i) => {
      if (i % folds === fold) judged[i] = { chance: onCurve(curve, r.features), correct: r.correct };
    });
  }
  return judged;
}

const judge = (curve: Curve, rows: readonly LabelledFeatures[]) =>
  rows.map((r) => ({ chance: onCurve(curve, r.features), correct: r.correct }));
