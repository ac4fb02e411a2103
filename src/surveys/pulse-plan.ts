import type { DeskContext } from '../desk-context.ts';
import type { PulseAudience, PulseSurvey } from '../model/pulse-survey.ts';
import { splitPlace } from '../outbox.ts';
import { type AudienceMember, peopleWhoAskedIn, peopleWhoAskedSince } from '../store/pulse-audience.ts';
import { type PulseRun, planPulseRun, startPulseRun } from '../store/pulse-runs.ts';
import { surveyHistoryOf } from '../store/survey-preferences.ts';
import { mayAsk } from './fatigue.ts';
import type { PulseSettings } from './pulse-settings.ts';

const dayMs = 86_400_000;

/** Who a survey's audience is now: people who asked the desk lately (on a platform, or anywhere), or in a place. */
export async function audienceOf(ctx: DeskContext, audience: PulseAudience, now: Date): Promise<AudienceMember[]> {
  if ('place' in audience) {
    const { platform, address } = splitPlace(audience.place);
    return peopleWhoAskedIn(ctx.db, { platform, channel: address.split('/')[0] ?? address });
  }
  return peopleWhoAskedSince(ctx.db, new Date(now.getTime() - audience.usedWithinDays * dayMs), audience.platform);
}

/** How a run was planned: how many will be asked, and how many were skipped for each reason. */
export interface PlannedRun {
  run: PulseRun;
  asked: number;
  skipped: Record<string, number>;
}

/**
 * Gives everyone in a run's audience their ask row, each checked against the fatigue cap: a person the cap
 * (or `surveys off`) keeps from it is kept as skipped with the reason, so `survey results` counts them.
 */
export async function planRun(ctx: DeskContext, settings: PulseSettings, run: PulseRun): Promise<PlannedRun> {
  const now = ctx.clock.now();
  const members = await audienceOf(ctx, run.survey.audience, now);
  const skipped: Record<string, number> = {};
  const asks = [];
  for (const m of members) {
    const allowed = mayAsk(await surveyHistoryOf(ctx.db, m.personId), now, 'pulse', settings.fatigue);
    if (!allowed.ok) skipped[allowed.reason] = (skipped[allowed.reason] ?? 0) + 1;
    asks.push({ personId: m.personId, place: m.lastSeen, ...(allowed.ok ? {} : { skipped: allowed.reason }) });
  }
  const expiresAt = new Date(now.getTime() + settings.expiresDays * dayMs);
  await planPulseRun(ctx.db, run.id, asks, { askedAt: now, expiresAt });
  const asked = members.length - Object.values(skipped).reduce((a, b) => a + b, 0);
  ctx.log.info('pulse survey planned', { survey: run.surveyId, run: run.id, asked, skipped });
  return { run, asked, skipped };
}

/** Starts a survey's run for `slot` and plans it; undefined when that slot was started already (elsewhere). */
export async function beginRun(
  ctx: DeskContext,
  settings: PulseSettings,
  survey: PulseSurvey,
  start: { slot: Date; trigger: 'schedule' | 'send_now'; by?: number },
): Promise<PlannedRun | undefined> {
  const run = await startPulseRun(ctx.db, {
    surveyId: survey.id,
    slot: start.slot,
    trigger: start.trigger,
    ...(start.by === undefined ? {} : { requestedBy: start.by }),
    survey,
    startedAt: ctx.clock.now(),
  });
  return run ? planRun(ctx, settings, run) : undefined;
}
