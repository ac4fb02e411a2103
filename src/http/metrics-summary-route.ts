import { measureWithPrevious } from '../digests/week-over-week.ts';
import type { SlaPolicies } from '../sla/sla-policy.ts';
import type { Db } from '../store/db.ts';
import { requireBearer } from './bearer-token.ts';
import { type Route, sendJson } from './http-server.ts';
import { toSummaryJson } from './metrics-summary-json.ts';
import { readPeriodQuery } from './period-query.ts';

export const metricsSummaryPath = '/api/metrics/summary';

export interface MetricsSummaryDeps {
  db: Db;
  sla: SlaPolicies;
  /** COE_TIME_ZONE: the dates asked for are local days there. */
  timeZone: string;
  /** DASHBOARD_TOKEN; unset, every request is refused. */
  token: string | undefined;
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
      const period = readPeriodQuery(url, deps.timeZone, 'a summary');
      const comparison = await measureWithPrevious(deps.db, period, deps.sla);
      sendJson(res, 200, toSummaryJson(comparison), { 'cache-control': 'no-store' });
    },
  };
}
