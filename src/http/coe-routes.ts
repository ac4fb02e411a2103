import type { Clock } from '../clock.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Logger } from '../log.ts';
import type { LinkSigner } from '../signed-link.ts';
import type { SlaPolicies } from '../sla/sla-policy.ts';
import type { Db } from '../store/db.ts';
import { type TrendChartRouteDeps, trendChartRoute } from './chart-route.ts';
import { csvExportRoute } from './csv-export-route.ts';
import { dashboardLoginRoutes } from './dashboard-login-route.ts';
import { dashboardRoute } from './dashboard-route.ts';
import type { Sessions } from './dashboard-session.ts';
import type { Route } from './http-server.ts';
import { metricsSummaryRoute } from './metrics-summary-route.ts';
import type { PrometheusMeter } from './prometheus-meter.ts';
import { prometheusRoute } from './prometheus-route.ts';

export interface CoeRouteDeps {
  db: Db;
  sla: SlaPolicies;
  kb: KnowledgeBase;
  clock: Clock;
  log: Logger;
  /** COE_TIME_ZONE: every date and week these routes read is local there. */
  timeZone: string;
  publicUrl: string | undefined;
  dashboardToken: string | undefined;
  metricsToken: string | undefined;
  links: LinkSigner;
  sessions: Sessions;
  charts: TrendChartRouteDeps;
  prometheus: PrometheusMeter;
}

/** What the CoE leads (and their scrapers) reach over HTTP: the summary, the chart, the dashboard, exports, /metrics. */
export function coeRoutes(d: CoeRouteDeps): Route[] {
  const keys = { token: d.dashboardToken, links: d.links, sessions: d.sessions };
  const shared = { keys, clock: d.clock, publicUrl: d.publicUrl };
  return [
    metricsSummaryRoute({ db: d.db, sla: d.sla, timeZone: d.timeZone, token: d.dashboardToken }),
    trendChartRoute(d.charts),
    dashboardRoute({ ...shared, db: d.db, sla: d.sla, kb: d.kb, timeZone: d.timeZone }),
    ...dashboardLoginRoutes(shared),
    csvExportRoute({ db: d.db, log: d.log, timeZone: d.timeZone, token: d.dashboardToken }),
    prometheusRoute({ registry: d.prometheus.registry, token: d.metricsToken }),
  ];
}
