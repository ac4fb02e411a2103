import type { MountedPlatform } from '../platform.ts';
import { type Route, sendJson } from './http-server.ts';

/**
 * `200 {"status":"ok"}` when every platform is connected and every scheduled job completes. While one is not
 * (Slack unreachable at start-up, say), still 200, since the desk serves its other front doors and pulling or
 * restarting this instance would not bring Slack back, but `{"status":"degraded","platforms":{"slack":
 * "starting: …"}}`, for monitoring; a job that stopped completing shows the same way under `jobs`.
 */
export function healthRoute(
  platforms: ReadonlyMap<string, MountedPlatform>,
  overdueJobs: () => Record<string, string> = () => ({}),
): Route {
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
      const jobs = overdueJobs();
      if (Object.keys(problems).length === 0 && Object.keys(jobs).length === 0) {
        return sendJson(res, 200, { status: 'ok' });
      }
      sendJson(res, 200, {
        status: 'degraded',
        ...(Object.keys(problems).length > 0 ? { platforms: problems } : {}),
        ...(Object.keys(jobs).length > 0 ? { jobs } : {}),
      });
    },
  };
}
