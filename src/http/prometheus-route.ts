import type { Registry } from 'prom-client';
import { requireBearer } from './bearer-token.ts';
import type { Route } from './http-server.ts';

export interface PrometheusRouteDeps {
  registry: Registry;
  /** METRICS_TOKEN: set, a scrape needs `Authorization: Bearer <token>`; unset, /metrics is open. */
  token: string | undefined;
}

/**
 * GET /metrics in Prometheus' text format. Open by default, as scrapers expect on an internal network; the
 * figures are counts and timings, nothing about any person. A token closes it when the port is reachable
 * from further away.
 */
export function prometheusRoute(deps: PrometheusRouteDeps): Route {
  return {
    method: 'GET',
    path: '/metrics',
    async handle(req, res) {
      if (deps.token !== undefined) requireBearer(req, deps.token, 'metrics', 'METRICS_TOKEN');
      // Read before answering: a failing database query becomes the server's 500, not half a page.
      const body = await deps.registry.metrics();
      res.writeHead(200, {
        'content-type': deps.registry.contentType,
        'content-length': Buffer.byteLength(body),
        'cache-control': 'no-store',
      });
      res.end(body);
    },
  };
}
