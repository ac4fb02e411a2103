import type { DeskContext } from '../desk-context.ts';
import type { PulsePlatformResult, PulseQuestionResult, PulseResultsReport } from '../messages/pulse-results-view.ts';
import type { PulseQuestion } from '../model/pulse-survey.ts';
import { countsOfRun, type StandingAnswer, standingAnswersOfRun } from '../store/pulse-results.ts';
import type { PulseRun } from '../store/pulse-runs.ts';
import type { PulseSettings } from './pulse-settings.ts';

const averageOf = (scores: number[]) =>
  scores.length === 0 ? undefined : scores.reduce((a, b) => a + b, 0) / scores.length;

function questionResult(q: PulseQuestion, n: number, answers: StandingAnswer[], named: boolean): PulseQuestionResult {
  const given = answers.filter((a) => a.question === q.id);
  const base = { n, text: q.text, answers: given.length };
  if (q.kind === 'scale') {
    const scores = given.flatMap((a) => (a.score === undefined ? [] : [a.score]));
    const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (const s of scores) counts[s - 1] = (counts[s - 1] ?? 0) + 1;
    const average = averageOf(scores);
    return { ...base, kind: 'scale', counts, ...(average === undefined ? {} : { average }) };
  }
  if (q.kind === 'yes_no') {
    const yes = given.filter((a) => a.text === 'yes').length;
    return { ...base, kind: 'yes_no', yes, no: given.length - yes };
  }
  // Anonymous comments are put in the order of their words, not of who was asked first, so the order cannot
  // point at a person; named ones by name.
  const comments = given
    .flatMap((a) => (a.text ? [{ text: a.text, ...(named ? { by: a.displayName } : {}) }] : []))
    .sort((a, b) => (a.by ?? '').localeCompare(b.by ?? '') || a.text.localeCompare(b.text));
  return { ...base, kind: 'text', comments };
}

/**
 * Respondents by platform, each group shown only when it has at least `min` people. Groups too small are
 * pooled as "other"; when the pool is still too small nothing is broken down, since its numbers would follow
 * from the whole run's minus the groups shown. One group alone says nothing the whole run does not.
 */
export function byPlatform(
  questions: PulseQuestion[],
  answers: StandingAnswer[],
  min: number,
): { groups: PulsePlatformResult[]; pooled: string[] } | undefined {
  const platformOf = new Map(answers.map((a) => [a.askId, a.platform]));
  const sizes = new Map<string, number>();
  for (const p of platformOf.values()) sizes.set(p, (sizes.get(p) ?? 0) + 1);
  const shown = [...sizes].filter(([, n]) => n >= min).map(([p]) => p);
  const pooled = [...sizes].filter(([, n]) => n < min).map(([p]) => p);
  const pooledSize = pooled.reduce((sum, p) => sum + (sizes.get(p) ?? 0), 0);
  if (pooledSize > 0 && pooledSize < min) return undefined;
  const groups = [...shown.map((p) => [p, [p]] as const), ...(pooled.length ? [['other', pooled] as const] : [])];
  if (groups.length < 2) return undefined;
  return {
    pooled,
    groups: groups.map(([platform, members]) => {
      const mine = answers.filter((a) => members.includes(a.platform));
      return {
        platform,
        respondents: new Set(mine.map((a) => a.askId)).size,
        questions: questions.flatMap((q, i): PulsePlatformResult['questions'] => {
          const given = mine.filter((a) => a.question === q.id);
          const average = averageOf(given.flatMap((a) => a.score ?? []));
          if (q.kind === 'scale' && average !== undefined) return [{ n: i + 1, average }];
          if (q.kind === 'yes_no' && given.length > 0)
            return [{ n: i + 1, yesShare: given.filter((a) => a.text === 'yes').length / given.length }];
          return [];
        }),
      };
    }),
  };
}

/**
 * `survey results`: the newest run's counts, and its answers as far as they may be shown. An anonymous survey
 * answered by fewer than MIN_GROUP_SIZE people shows only its counts: with so few, a distribution or a comment
 * could be told apart as one person's. A named survey shows its answers however few: the people asked were
 * told their answers go to the leads with their name, so a small count reveals nothing they did not agree to,
 * and a small team still learns what it was told. Platform groups follow the size rule on both.
 */
export async function pulseResults(
  ctx: DeskContext,
  settings: PulseSettings,
  run: PulseRun,
): Promise<PulseResultsReport> {
  const counts = await countsOfRun(ctx.db, run.id);
  const { survey } = run;
  const min = settings.minGroupSize;
  const report: PulseResultsReport = {
    title: survey.title,
    anonymous: survey.anonymous,
    startedAt: run.startedAt,
    finished: run.finishedAt !== null,
    counts,
    minGroupSize: min,
    days: settings.fatigue,
    timeZone: settings.timeZone,
    now: ctx.clock.now(),
  };
  if (counts.answered === 0 || (survey.anonymous && counts.answered < min)) return report;
  const answers = await standingAnswersOfRun(ctx.db, run.id);
  const questions = survey.questions.map((q, i) => questionResult(q, i + 1, answers, !survey.anonymous));
  const platforms = byPlatform(survey.questions, answers, min);
  return {
    ...report,
    questions,
    ...(platforms ? { byPlatform: platforms.groups, pooled: platforms.pooled } : {}),
  };
}
