/**
 * When the weekly digest is due: DIGEST_CRON read as wall-clock time in the CoE's time zone (so "0 9 * * 1"
 * stays Monday 09:00 through summer time), and which week a run reports on — the last whole week before it.
 */
import cronParser from 'cron-parser';
import { isoWeekOf, shiftWeek } from './iso-week.ts';

export const defaultDigestCron = '0 9 * * 1';

/** Why `cron` is not a usable 5-field expression; undefined when it is. */
export function digestCronProblem(cron: string): string | undefined {
  if (cron.trim().split(/\s+/).length !== 5)
    return "must be a 5-field cron expression (minute hour day-of-month month day-of-week) such as '0 9 * * 1'";
  try {
    cronParser.parseExpression(cron, { tz: 'UTC' }).next();
    return undefined;
  } catch (err) {
    return `is not a valid cron expression: ${(err as Error).message}`;
  }
}

/** The schedule's latest time at or before `now`. */
export function latestDigestTime(cron: string, timeZone: string, now: Date): Date {
  // cron-parser's prev() is strictly before: start a second later, so a run due this minute is found.
  const after = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 1000);
  return cronParser.parseExpression(cron, { tz: timeZone, currentDate: after }).prev().toDate();
}

/** The week a digest posted at `at` reports on: the whole ISO week before the one `at` falls in. */
export const reportedWeek = (at: Date, timeZone: string): string => shiftWeek(isoWeekOf(at, timeZone), -1);
