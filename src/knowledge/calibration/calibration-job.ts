import type { JobSpec } from '../../commands/feature.ts';
import { latestCalibration, oneRefitAtATime } from '../../store/answer-calibrations.ts';
import { type DecisionSettings, recalibrate } from './answer-decision.ts';

/** A refit younger than this is left alone: the job may run twice (two replicas, a retry), the refit once a week. */
const minAgeMs = 6 * 24 * 3_600_000;

/**
 * On `cron` (CALIBRATION_CRON, Mondays at 04:00 by default): refits the answer decision to the week's outcomes,
 * unless a refit is younger than six days. pg-boss runs it on one replica; the others pick the stored result up
 * within a minute (knowledge-services.ts).
 */
export const calibrationJob = (settings: DecisionSettings, cron: string): JobSpec => ({
  name: 'answer-calibration',
  cron,
  run: (ctx) =>
    oneRefitAtATime(ctx.db, async (tx) => {
      const latest = await latestCalibration(tx);
      if (latest && ctx.clock.now().getTime() - latest.createdAt.getTime() < minAgeMs) return { skipped: latest.id };
      const stored = await recalibrate({ ...ctx, db: tx }, settings);
      return { id: stored.id, method: stored.method, threshold: stored.threshold };
    }),
});
