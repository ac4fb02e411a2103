import type { DeskContext } from '../../desk-context.ts';
import { type CalibrationView, toCalibrationMessage } from '../../messages/calibration-view.ts';
import type { Message } from '../../messages/message.ts';
import type { Person } from '../../model/person.ts';
import { latestCalibration, type StoredCalibration } from '../../store/answer-calibrations.ts';
import { findPersonById } from '../../store/people.ts';
import {
  type DecisionSettings,
  loggedOutcomes,
  recalibrate,
  resetCalibration,
  thresholdsOf,
} from './answer-decision.ts';
import { minOutcomes, shippedCalibration } from './calibrate.ts';

/** `kb calibration`: the curve in use, the threshold it answers at, and what the logged outcomes expect of it. */
export async function showCalibration(ctx: DeskContext, settings: DecisionSettings): Promise<Message> {
  const stored = await latestCalibration(ctx.db);
  if (stored) return toCalibrationMessage(await viewOf(ctx, stored, settings));
  // Never calibrated: the shipped curve, measured on whatever is logged so far.
  const kind = ctx.kb.featureKind;
  const rows = await loggedOutcomes(ctx.db, kind);
  const shipped = shippedCalibration(kind, rows, thresholdsOf(settings), 'not_better');
  return toCalibrationMessage({
    ...common(settings),
    method: 'shipped',
    reason: 'never',
    outcomes: rows.length,
    chosen: settings.answerThreshold,
    answerAt: settings.answerThreshold,
    expected: shipped.expected,
    shipped: shipped.shipped,
    otherKind: false,
  });
}

/** `kb calibrate`: refits now, on every replica within a minute, and shows what it chose. */
export async function calibrateNow(ctx: DeskContext, person: Person, settings: DecisionSettings): Promise<Message> {
  const stored = await recalibrate(ctx, settings, person.id);
  return toCalibrationMessage(await viewOf(ctx, stored, settings));
}

/** `kb calibrate reset`: back to the shipped curve and threshold (stored, so every replica follows). */
export async function resetNow(ctx: DeskContext, person: Person, settings: DecisionSettings): Promise<Message> {
  const stored = await resetCalibration(ctx, settings, person.id);
  return toCalibrationMessage(await viewOf(ctx, stored, settings));
}

async function viewOf(
  ctx: DeskContext,
  stored: StoredCalibration,
  settings: DecisionSettings,
): Promise<CalibrationView> {
  const by = stored.requestedBy === null ? undefined : await findPersonById(ctx.db, stored.requestedBy);
  const otherKind = stored.method === 'fitted' && stored.kind !== ctx.kb.featureKind;
  const fitted = stored.method === 'fitted' && !otherKind;
  return {
    ...common(settings),
    method: fitted ? 'fitted' : 'shipped',
    reason: stored.reason,
    outcomes: stored.outcomes,
    at: stored.createdAt,
    ...(by ? { by: by.displayName } : {}),
    chosen: stored.threshold,
    answerAt: settings.thresholdFixed || !fitted ? settings.answerThreshold : stored.threshold,
    maxWrongRate: stored.maxWrongRate,
    expected: stored.expected,
    shipped: stored.shipped,
    otherKind,
  };
}

const common = (settings: DecisionSettings) => ({
  minOutcomes,
  thresholdFixed: settings.thresholdFixed,
  maxWrongRate: settings.maxWrongRate,
  shippedThreshold: settings.answerThreshold,
});
