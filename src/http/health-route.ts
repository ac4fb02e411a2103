import type { MountedPlatform } from '../platform.ts';
import { type Route, sendJson } from './http-server.ts';

/**
 * `200 {"status":"ok"}` when every platform is connected. While one is not (Slack unreachable at start-up,
 * say), still 200, since the desk serves its other front doors and pulling or restarting this instance would
 * not bring Slack back, but `{"status":"degraded","platforms":{"slack":"starting: …"}}`, for monitoring.
 */
export function healthRoute(platforms: ReadonlyMap<string, MountedPlatform>): Route {
  return {
    method: 'GET',
    path: '/healthz',
    handle: (_req, res) => {
      const problems = Object.fromEntries(
        [...platforms].flatMap(([name, m]) => {
          const problem = m.health?.();
          return problem ? [[name, problem]] : [];
        }),
      );
      if (Object.keys(problems).length === 0) return sendJson(res, 200, { status: 'ok' });
      sendJson(res, 200, { status: 'degraded', platforms: problems });
    },
  };
}
