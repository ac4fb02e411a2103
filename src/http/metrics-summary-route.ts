import { z } from 'zod';
import { maxPeriodDays, type PeriodProblem, parsePeriod } from '../digests/period.ts';
import { measureWithPrevious } from '../digests/week-over-week.ts';
import type { SlaPolicies } from '../sla/sla-policy.ts';
import type { Db } from '../store/db.ts';
import { requireBearer } from './bearer-token.ts';
import { HttpError, type Route, sendJson } from './http-server.ts';
import { toSummaryJson } from './metrics-summary-json.ts';

export const metricsSummaryPath = '/api/metrics/summary';

export interface MetricsSummaryDeps {
  db: Db;
  sla: SlaPolicies;
  /** COE_TIME_ZONE: the dates asked for are local days there. */
  timeZone: string;
  /** DASHBOARD_TOKEN; unset, every request is refused. */
  token: string | undefined;
}

const query = z.object({ from: z.string().optional(), to: z.string().optional() });

function describe(problem: PeriodProblem): string {
  switch (problem.code) {
    case 'not_a_date':
      return `${problem.field} must be a date like 2026-11-23 (got "${problem.given.slice(0, 40)}")`;
    case 'not_after':
      return `to (${problem.to}) must be after from (${problem.from}); to is the first day not counted`;
    case 'too_long':
      return `that is ${problem.days} days; a summary covers at most ${maxPeriodDays}`;
  }
}

/**
 * GET /api/metrics/summary?from=YYYY-MM-DD&to=YYYY-MM-DD: the headline figures of [from, to) in the CoE's time
 * zone, with the period of equal length before it, for leads and admins holding DASHBOARD_TOKEN.
 */
export function metricsSummaryRoute(deps: MetricsSummaryDeps): Route {
  return {
    method: 'GET',
    path: metricsSummaryPath,
    async handle(req, res, url) {
      requireBearer(req, deps.token, 'the metrics API', 'DASHBOARD_TOKEN');
      const given = query.parse(Object.fromEntries(url.searchParams));
      if (given.from === undefined || given.to === undefined)
        throw new HttpError(400, 'give the period as ?from=YYYY-MM-DD&to=YYYY-MM-DD (to is the first day not counted)');
      const parsed = parsePeriod({ from: given.from, to: given.to }, deps.timeZone);
      if (!parsed.ok) throw new HttpError(400, describe(parsed.problem));
      const comparison = await measureWithPrevious(deps.db, parsed.period, deps.sla);
      sendJson(res, 200, toSummaryJson(comparison), { 'cache-control': 'no-store' });
    },
  };
}
