import type { JobSpec } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import { pausedPulseSurveys, pulsePausedAt } from '../store/pulse-runs.ts';
import { beginRun } from './pulse-plan.ts';
import { latestPulseRun } from './pulse-schedule.ts';
import type { PulseSender } from './pulse-sender.ts';
import type { PulseSettings } from './pulse-settings.ts';

/** A slot is still sent this long after its time (a desk restarting over it); older ones are let go. */
const graceMs = 15 * 60_000;

/**
 * Each minute: start the run of every scheduled, unpaused survey whose slot has come (and was not paused then) (once across replicas:
 * the run's slot is unique), then send what runs have waiting. A survey file's bad schedule was refused when
 * it was read, so every schedule here can be computed.
 */
export async function pulseTick(ctx: DeskContext, settings: PulseSettings, sender: PulseSender): Promise<void> {
  const now = ctx.clock.now();
  const { surveys } = await settings.catalog.current();
  const paused = await pausedPulseSurveys(ctx.db);
  for (const survey of surveys) {
    if (!survey.schedule || paused.has(survey.id)) continue;
    const slot = latestPulseRun(survey.schedule, settings.timeZone, now);
    if (now.getTime() - slot.getTime() > graceMs) continue;
    // A slot that came while the survey was paused is let go: `survey resume` lets the next one go, not a late one.
    if (await pulsePausedAt(ctx.db, survey.id, slot)) continue;
    await beginRun(ctx, settings, survey, { slot, trigger: 'schedule' });
  }
  await sender.sendDue(ctx);
}

export const pulseJob = (settings: PulseSettings, sender: PulseSender): JobSpec => ({
  name: 'pulse-surveys',
  cron: '* * * * *',
  run: (ctx) => pulseTick(ctx, settings, sender),
});
