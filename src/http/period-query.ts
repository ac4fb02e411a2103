import { z } from 'zod';
import { maxPeriodDays, type Period, type PeriodProblem, parsePeriod } from '../digests/period.ts';
import { HttpError } from './http-server.ts';

const query = z.object({ from: z.string().optional(), to: z.string().optional() });

/** What to fix, in one sentence; `what` names the thing asked for ("a summary", "an export"). */
export function describePeriodProblem(problem: PeriodProblem, what: string): string {
  switch (problem.code) {
    case 'not_a_date':
      return `${problem.field} must be a date like 2026-11-23 (got "${problem.given.slice(0, 40)}")`;
    case 'not_after':
      return `to (${problem.to}) must be after from (${problem.from}); to is the first day not counted`;
    case 'too_long':
      return `that is ${problem.days} days; ${what} covers at most ${maxPeriodDays}`;
  }
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, local days in the CoE's time zone; anything else is a 400 saying why. */
export function readPeriodQuery(url: URL, timeZone: string, what: string): Period {
  const given = query.parse(Object.fromEntries(url.searchParams));
  if (given.from === undefined || given.to === undefined)
    throw new HttpError(400, 'give the period as ?from=YYYY-MM-DD&to=YYYY-MM-DD (to is the first day not counted)');
  const parsed = parsePeriod({ from: given.from, to: given.to }, timeZone);
  if (!parsed.ok) throw new HttpError(400, describePeriodProblem(parsed.problem, what));
  return parsed.period;
}
