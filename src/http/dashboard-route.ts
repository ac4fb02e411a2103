import type { Clock } from '../clock.ts';
import { admit, type DashboardKeys } from './dashboard-auth.ts';
import { type DashboardSources, gatherDashboard } from './dashboard-data.ts';
import { dashboardHtml, deniedHtml } from './dashboard-html.ts';
import { parseDashboardQuery } from './dashboard-query.ts';
import { overHttps, sessionCookieHeader } from './dashboard-session.ts';
import { redirect, sendHtml } from './html-page.ts';
import type { Route } from './http-server.ts';

export const dashboardPath = '/dashboard';

export interface DashboardDeps extends DashboardSources {
  keys: DashboardKeys;
  clock: Clock;
  publicUrl: string | undefined;
}

/** A browser is told where to log in; a script sees the challenge of a bearer-protected resource. */
const challenge = (error?: string) => ({
  'www-authenticate': `Bearer realm="the dashboard"${error ? `, error="${error}"` : ''}`,
});

/**
 * GET /dashboard: the CoE's week for leads and admins holding the token, a session cookie, or a signed link
 * (traded at once for the cookie and a clean address). Anyone else gets 401 and the way to the login form.
 */
export function dashboardRoute(deps: DashboardDeps): Route {
  return {
    method: 'GET',
    path: dashboardPath,
    async handle(req, res, url) {
      const now = deps.clock.now();
      const admission = admit(req, url, deps.keys, now);
      if (admission.kind === 'link') {
        const cookie = sessionCookieHeader(deps.keys.sessions.issue(now), overHttps(req, deps.publicUrl));
        return redirect(res, admission.clean, { 'set-cookie': cookie });
      }
      if (admission.kind === 'out') {
        const error = admission.problem === 'none' ? undefined : 'invalid_token';
        return sendHtml(res, 401, deniedHtml(admission.problem === 'bad_link'), challenge(error));
      }
      const query = parseDashboardQuery(url, now, deps.timeZone);
      sendHtml(res, 200, await dashboardHtml(await gatherDashboard(deps, query, now)));
    },
  };
}
