/**
 * When a scheduled pulse survey runs next: a 5-field cron (minute hour day-of-month month day-of-week) read as
 * wall-clock time in the CoE's time zone, so "0 9 * * 1" stays 09:00 on Mondays through summer time.
 * cron-parser is the parser pg-boss schedules with, so a survey's next run here is the one pg-boss fires.
 */
import cronParser from 'cron-parser';

export const cronHint =
  "must be a 5-field cron expression (minute hour day-of-month month day-of-week) such as '0 9 * * 1', or none";

/** A schedule that cannot be run: an invalid cron expression or an unknown time zone. */
export class PulseScheduleError extends Error {
  override readonly name = 'PulseScheduleError';
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Why `cron` is not a usable 5-field expression, in words for the survey file's author; undefined when it is. */
export function cronProblem(cron: string): string | undefined {
  if (cron.trim().split(/\s+/).length !== 5) return cronHint;
  try {
    cronParser.parseExpression(cron, { tz: 'UTC' }).next();
    return undefined;
  } catch (err) {
    return `is not a valid cron expression: ${lowerFirst((err as Error).message)}`;
  }
}

/** The first run strictly after `after`, DST-correct in `timeZone`. Throws PulseScheduleError. */
export function nextPulseRun(cron: string, timeZone: string, after: Date): Date {
  const problem = cronProblem(cron);
  if (problem) throw new PulseScheduleError(`schedule "${cron}" ${problem}`);
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new PulseScheduleError(`time zone "${timeZone}" is not a known IANA time zone such as Europe/London`);
  }
  return cronParser.parseExpression(cron, { tz: timeZone, currentDate: after }).next().toDate();
}

/** The newest run at or before `now`, DST-correct in `timeZone` (a slot due this minute counts). */
export function latestPulseRun(cron: string, timeZone: string, now: Date): Date {
  nextPulseRun(cron, timeZone, now);
  const after = new Date(now.getTime() + 1);
  return cronParser.parseExpression(cron, { tz: timeZone, currentDate: after }).prev().toDate();
}
