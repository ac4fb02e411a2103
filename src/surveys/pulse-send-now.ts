import type { DeskContext } from '../desk-context.ts';
import type { PulseSurvey } from '../model/pulse-survey.ts';
import { beginRun, type PlannedRun } from './pulse-plan.ts';
import type { PulseSender } from './pulse-sender.ts';
import type { PulseSettings } from './pulse-settings.ts';

/**
 * `survey send-now`: a run of its own (its slot is now), planned before the reply so the reply can say how
 * many will be asked; sending starts at once and the job carries it on each minute until done.
 */
export async function sendPulseNow(
  ctx: DeskContext,
  settings: PulseSettings,
  sender: PulseSender,
  survey: PulseSurvey,
  by: number,
): Promise<PlannedRun | undefined> {
  const planned = await beginRun(ctx, settings, survey, { slot: ctx.clock.now(), trigger: 'send_now', by });
  // Not awaited: the person who asked hears back now; a failure is the sender's to log, once.
  sender.sendDue(ctx).catch((err: unknown) => ctx.log.error('pulse survey not sent', { survey: survey.id, err }));
  return planned;
}
