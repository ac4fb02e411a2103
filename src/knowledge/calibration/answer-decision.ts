import type { Clock } from '../../clock.ts';
import type { Logger } from '../../log.ts';
import { latestCalibration, type StoredCalibration, saveCalibration } from '../../store/answer-calibrations.ts';
import type { DbOrTx } from '../../store/db.ts';
import { loggedQuestions } from '../../store/logged-outcomes.ts';
import type { FittedDecision, KnowledgeBase } from '../knowledge-base.ts';
import { type Calibration, calibrate, type FeatureKind, featureCount, shippedCalibration } from './calibrate.ts';
import { labelled } from './outcome-label.ts';

/** How the desk decides to answer: its wrong-answer target, and the threshold configured or by default. */
export interface DecisionSettings {
  /** ANSWER_MAX_WRONG_RATE. */
  maxWrongRate: number;
  /** ANSWER_MIN_CONFIDENCE, or its default when unset. */
  answerThreshold: number;
  /** ANSWER_MIN_CONFIDENCE was set: it wins over the threshold a calibration chooses. */
  thresholdFixed: boolean;
}

interface Deps {
  db: DbOrTx;
  clock: Clock;
  log: Logger;
  kb: KnowledgeBase;
}

/**
 * What the knowledge base decides with, given a stored calibration: its fitted curve and (unless the
 * threshold was set explicitly) its threshold; nothing, so the shipped curve, when it was not fitted or was
 * fitted for features of another kind than the desk now computes (the embedding model changed since).
 */
export function toFittedDecision(
  stored: Pick<Calibration, 'method' | 'kind' | 'curve' | 'threshold'> | undefined,
  kb: Pick<KnowledgeBase, 'featureKind'>,
  settings: DecisionSettings,
): FittedDecision | undefined {
  if (stored?.method !== 'fitted' || stored.kind !== kb.featureKind) return undefined;
  return {
    kind: stored.kind,
    curve: stored.curve,
    answerAt: settings.thresholdFixed ? settings.answerThreshold : stored.threshold,
  };
}

/** Puts the newest stored calibration to use in this process: at start-up, and when another replica refit. */
export async function useLatestCalibration(deps: Deps, settings: DecisionSettings) {
  const stored = await latestCalibration(deps.db);
  deps.kb.decideWith(toFittedDecision(stored, deps.kb, settings));
  return stored;
}

/** The target and the shipped threshold, as a calibration takes them. */
export const thresholdsOf = (settings: DecisionSettings) => ({
  maxWrongRate: settings.maxWrongRate,
  shippedThreshold: settings.answerThreshold,
});

/** The logged outcomes that say something of a curve over features of `kind`. */
export async function loggedOutcomes(db: DbOrTx, kind: FeatureKind) {
  return labelled(await loggedQuestions(db)).filter((r) => r.features.length === featureCount[kind]);
}

/** Refits the decision to the logged outcomes now, stores it with its figures, and uses it here at once. */
export async function recalibrate(deps: Deps, settings: DecisionSettings, requestedBy?: number) {
  const kind = deps.kb.featureKind;
  const rows = await loggedOutcomes(deps.db, kind);
  return keep(deps, settings, calibrate(kind, rows, thresholdsOf(settings)), requestedBy);
}

/** Back to the shipped curve (stored as the newest calibration, so every replica follows). */
export async function resetCalibration(deps: Deps, settings: DecisionSettings, requestedBy: number) {
  const kind = deps.kb.featureKind;
  const rows = await loggedOutcomes(deps.db, kind);
  return keep(deps, settings, shippedCalibration(kind, rows, thresholdsOf(settings), 'reset'), requestedBy);
}

async function keep(deps: Deps, settings: DecisionSettings, calibration: Calibration, requestedBy?: number) {
  const stored: StoredCalibration = await saveCalibration(deps.db, calibration, {
    maxWrongRate: settings.maxWrongRate,
    ...(requestedBy !== undefined ? { requestedBy } : {}),
    at: deps.clock.now(),
  });
  deps.kb.decideWith(toFittedDecision(stored, deps.kb, settings));
  deps.log.info('answer decision calibrated', {
    id: stored.id,
    method: stored.method,
    reason: stored.reason,
    outcomes: stored.outcomes,
    threshold: stored.threshold,
    expectedWrongRate: round(stored.expected.wrongRate),
    expectedAnsweredCorrect: round(stored.expected.answeredCorrect),
    ...(requestedBy !== undefined ? { by: requestedBy } : {}),
  });
  return stored;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
