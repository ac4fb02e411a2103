import type { DeskContext } from '../desk-context.ts';
import type { PulseListReport } from '../messages/pulse-list-view.ts';
import { countsOfRun } from '../store/pulse-results.ts';
import { latestPulseRun, pausedPulseSurveys } from '../store/pulse-runs.ts';
import { nextPulseRun } from './pulse-schedule.ts';
import type { PulseSettings } from './pulse-settings.ts';

/** `survey list`: each survey in the folder now, with its next run, whether it is paused and how it last went. */
export async function pulseList(ctx: DeskContext, settings: PulseSettings): Promise<PulseListReport> {
  const now = ctx.clock.now();
  const { surveys, skipped } = await settings.catalog.current();
  const paused = await pausedPulseSurveys(ctx.db);
  const lines = await Promise.all(
    surveys.map(async (s) => {
      const run = await latestPulseRun(ctx.db, s.id);
      const counts = run ? await countsOfRun(ctx.db, run.id) : undefined;
      return {
        id: s.id,
        title: s.title,
        questions: s.questions.length,
        audience: s.audience,
        ...(s.schedule ? { schedule: s.schedule, nextRun: nextPulseRun(s.schedule, settings.timeZone, now) } : {}),
        paused: paused.has(s.id),
        ...(run && counts ? { lastRun: { at: run.startedAt, sent: counts.sent, answered: counts.answered } } : {}),
      };
    }),
  );
  return { dir: settings.catalog.dir, surveys: lines, skipped, timeZone: settings.timeZone, now };
}
