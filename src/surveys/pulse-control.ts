import type { DeskContext } from '../desk-context.ts';
import { toDeskTime } from '../messages/desk-time.ts';
import type { Message } from '../messages/message.ts';
import { pulseCopy } from '../messages/pulse-copy.ts';
import type { Person } from '../model/person.ts';
import type { PulseSurvey } from '../model/pulse-survey.ts';
import { controlPulse, pausedPulseSurveys } from '../store/pulse-runs.ts';
import { nextPulseRun } from './pulse-schedule.ts';
import { sendPulseNow } from './pulse-send-now.ts';
import type { PulseSender } from './pulse-sender.ts';
import type { PulseSettings } from './pulse-settings.ts';

/** `survey send-now <id>`: a run now, and what it will do, in one reply (a paused survey is not sent). */
export async function sendSurveyNow(
  ctx: DeskContext,
  settings: PulseSettings,
  sender: PulseSender,
  person: Person,
  survey: PulseSurvey,
): Promise<Message> {
  if ((await pausedPulseSurveys(ctx.db)).has(survey.id))
    return { text: pulseCopy.pausedNotSent(survey.id, survey.title) };
  const planned = await sendPulseNow(ctx, settings, sender, survey, person.id);
  ctx.log.info('pulse survey sent now', { by: person.id, survey: survey.id, run: planned?.run.id });
  if (!planned) return { text: pulseCopy.alreadyStarted(survey.title) };
  const skippedCount = Object.values(planned.skipped).reduce((a, b) => a + b, 0);
  const skipped = pulseCopy.skipped(planned.skipped, settings.fatigue);
  if (planned.asked > 0) return { text: pulseCopy.sending(survey.title, planned.asked, skipped, skippedCount) };
  if (skippedCount > 0) return { text: pulseCopy.allSkipped(survey.title, skippedCount, skipped) };
  return { text: pulseCopy.nobodyToAsk(survey.title, pulseCopy.audience(survey.audience)) };
}

/** `survey pause` / `survey resume`: recorded in order, who and when; saying what already stands is told so. */
export async function controlSurvey(
  ctx: DeskContext,
  settings: PulseSettings,
  person: Person,
  survey: PulseSurvey,
  action: 'pause' | 'resume',
): Promise<Message> {
  const paused = (await pausedPulseSurveys(ctx.db)).has(survey.id);
  if (action === 'pause' && paused) return { text: pulseCopy.alreadyPaused(survey.title) };
  if (action === 'resume' && !paused) return { text: pulseCopy.alreadyResumed(survey.title) };
  const now = ctx.clock.now();
  await controlPulse(ctx.db, { surveyId: survey.id, action, by: person.id, at: now });
  ctx.log.info(`pulse survey ${action === 'pause' ? 'paused' : 'resumed'}`, { by: person.id, survey: survey.id });
  if (action === 'pause') return { text: pulseCopy.paused(survey.title) };
  const next = survey.schedule ? nextPulseRun(survey.schedule, settings.timeZone, now) : undefined;
  return { text: pulseCopy.resumed(survey.title, next && toDeskTime(next, settings.timeZone, now)) };
}
