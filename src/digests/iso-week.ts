/**
 * ISO weeks (`2026-W48`: Monday to Sunday, week 1 holding the year's first Thursday), the unit the weekly
 * digest reports in and is posted once per. Weeks are local to the CoE's time zone: a week is its seven local
 * days as a `Period`.
 */
import { localDateOf } from '../sla/zoned-time.ts';
import { type Period, periodOf } from './period.ts';

const dayMs = 86_400_000;
const weekPattern = /^(\d{4})-W(\d{2})$/;

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date. */
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;
const dateOf = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
/** 1 for Monday … 7 for Sunday. */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** The Monday of ISO week 1 of `year`: the week holding 4 January. */
function firstMonday(year: number): number {
  const jan4 = dayOf(`${year}-01-04`);
  return jan4 - (weekdayOf(jan4) - 1);
}

const label = (year: number, week: number) => `${year}-W${String(week).padStart(2, '0')}`;

/** The ISO week a local date falls in. */
export function isoWeekOfDate(date: string): string {
  const day = dayOf(date);
  const thursday = day - weekdayOf(day) + 4;
  const year = Number(dateOf(thursday).slice(0, 4));
  return label(year, Math.floor((thursday - firstMonday(year)) / 7) + 1);
}

/** The ISO week an instant falls in, in `timeZone`. */
export const isoWeekOf = (instant: Date, timeZone: string): string => isoWeekOfDate(localDateOf(instant, timeZone));

/** Reads `2026-W48` from outside: undefined when it is not a week that exists (`2026-W54`, `2026-W0`). */
export function parseIsoWeek(text: string): string | undefined {
  const match = weekPattern.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  const [year, week] = [Number(match[1]), Number(match[2])];
  if (week < 1) return undefined;
  const monday = firstMonday(year) + (week - 1) * 7;
  return isoWeekOfDate(dateOf(monday)) === label(year, week) ? label(year, week) : undefined;
}

/** The local date of a week's Monday. */
export function mondayOf(week: string): string {
  const match = weekPattern.exec(week);
  if (!match) throw new Error(`not an ISO week: ${week}`);
  return dateOf(firstMonday(Number(match[1])) + (Number(match[2]) - 1) * 7);
}

/** The week `n` weeks after `week` (before, for a negative `n`). */
export const shiftWeek = (week: string, n: number): string => isoWeekOfDate(dateOf(dayOf(mondayOf(week)) + 7 * n));

/** A week's seven local days in `timeZone`, Monday's midnight to the next Monday's. */
export function weekPeriod(week: string, timeZone: string): Period {
  const monday = mondayOf(week);
  return periodOf(monday, dateOf(dayOf(monday) + 7), timeZone);
}
