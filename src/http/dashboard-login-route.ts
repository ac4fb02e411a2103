import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { dashboardCopy } from '../messages/dashboard-copy.ts';
import { type DashboardKeys, isDashboardToken } from './dashboard-auth.ts';
import { clearedCookieHeader, overHttps, sessionCookieHeader } from './dashboard-session.ts';
import { esc, page, redirect, sendHtml } from './html-page.ts';
import type { Route } from './http-server.ts';
import { readFormBody } from './read-form-body.ts';

export const loginPath = '/dashboard/login';
export const logoutPath = '/dashboard/logout';
const c = dashboardCopy.login;
/** A token and a little more: a login form has nothing bigger to send. */
const maxBody = 2048;
const loginForm = z.object({ token: z.string().trim().min(1).max(512) });

export interface LoginDeps {
  keys: DashboardKeys;
  clock: Clock;
  publicUrl: string | undefined;
}

/** The form, or (no token configured) why there is none; `error` is said above it. */
export function loginPage(tokenSet: boolean, error?: string): string {
  if (!tokenSet) return page(c.title, `<h1>${esc(c.title)}</h1>\n<p class="error" role="alert">${esc(c.off)}</p>`);
  return page(
    c.title,
    `<h1>${esc(c.title)}</h1>
${error ? `<p class="error" role="alert" id="login-error">${esc(error)}</p>` : ''}
<form method="post" action="${loginPath}">
<p><label for="token">${esc(c.token)}</label><br>
<input id="token" name="token" type="password" autocomplete="current-password" required maxlength="512"${error ? ' aria-describedby="login-error"' : ''}></p>
<p><button type="submit">${esc(c.submit)}</button></p>
</form>
<p class="note">${esc(c.hint)}</p>`,
  );
}

const secure = (req: IncomingMessage, deps: LoginDeps) => overHttps(req, deps.publicUrl);

/** GET and POST /dashboard/login, and POST /dashboard/logout. */
export function dashboardLoginRoutes(deps: LoginDeps): Route[] {
  const tokenSet = deps.keys.token !== undefined;
  return [
    { method: 'GET', path: loginPath, handle: (_req, res) => sendHtml(res, 200, loginPage(tokenSet)) },
    {
      method: 'POST',
      path: loginPath,
      async handle(req, res) {
        const given = loginForm.safeParse(await readFormBody(req, maxBody));
        if (!tokenSet) return sendHtml(res, 401, loginPage(false));
        if (!given.success || !isDashboardToken(given.data.token, deps.keys.token))
          return sendHtml(res, 401, loginPage(true, c.wrong));
        const session = deps.keys.sessions.issue(deps.clock.now());
        redirect(res, '/dashboard', { 'set-cookie': sessionCookieHeader(session, secure(req, deps)) });
      },
    },
    {
      method: 'POST',
      path: logoutPath,
      handle: (req, res) => redirect(res, loginPath, { 'set-cookie': clearedCookieHeader(secure(req, deps)) }),
    },
  ];
}
