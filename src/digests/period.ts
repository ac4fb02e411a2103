/**
 * The span a report covers: whole local days in the CoE's time zone, `from` included and `to` excluded, so
 * "2026-11-23 to 2026-11-30" is the week Monday to Sunday. Midnights are read in the zone, so a week with a
 * clock change is 167 or 169 hours long, as the people reading the report lived it.
 */
import { isLocalDate, zonedTimeToUtc } from '../sla/zoned-time.ts';

export interface Period {
  /** Local dates, 'YYYY-MM-DD': the first day in, and the first day after. */
  fromDate: string;
  toDate: string;
  timeZone: string;
  /** The instants those local midnights fall on. */
  from: Date;
  to: Date;
  days: number;
}

/** The longest span one report covers: a leap year. */
export const maxPeriodDays = 366;

const dayMs = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;
const dateOfDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

export type PeriodProblem =
  | { code: 'not_a_date'; field: 'from' | 'to'; given: string }
  | { code: 'not_after'; from: string; to: string }
  | { code: 'too_long'; days: number; max: number };

/** Reads a span from outside: both dates real, `to` after `from`, at most `maxPeriodDays` long. */
export function parsePeriod(
  given: { from: string; to: string },
  timeZone: string,
): { ok: true; period: Period } | { ok: false; problem: PeriodProblem } {
  for (const field of ['from', 'to'] as const) {
    if (!isLocalDate(given[field])) return { ok: false, problem: { code: 'not_a_date', field, given: given[field] } };
  }
  const days = dayNumber(given.to) - dayNumber(given.from);
  if (days <= 0) return { ok: false, problem: { code: 'not_after', from: given.from, to: given.to } };
  if (days > maxPeriodDays) return { ok: false, problem: { code: 'too_long', days, max: maxPeriodDays } };
  return { ok: true, period: periodOf(given.from, given.to, timeZone) };
}

/** A span of already checked local dates. */
export function periodOf(fromDate: string, toDate: string, timeZone: string): Period {
  return {
    fromDate,
    toDate,
    timeZone,
    from: zonedTimeToUtc(fromDate, '00:00', timeZone),
    to: zonedTimeToUtc(toDate, '00:00', timeZone),
    days: dayNumber(toDate) - dayNumber(fromDate),
  };
}

/** The span of the same number of days just before: last week for a week, the month before for 30 days. */
export function previousPeriod(period: Period): Period {
  const fromDate = dateOfDay(dayNumber(period.fromDate) - period.days);
  return periodOf(fromDate, period.fromDate, period.timeZone);
}
