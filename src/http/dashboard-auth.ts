import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LinkSigner } from '../signed-link.ts';
import { readCookie, type Sessions, sessionCookie } from './dashboard-session.ts';

export interface DashboardKeys {
  /** DASHBOARD_TOKEN; unset, only signed links and the sessions they open let anyone in. */
  token: string | undefined;
  /** Checks the one-hour links the `dashboard` command sends. */
  links: LinkSigner;
  sessions: Sessions;
}

/** What a request to /dashboard carries: enough to see the page, a link to trade for a cookie, or neither. */
export type Admission =
  | { kind: 'in' }
  | { kind: 'link'; clean: string }
  | { kind: 'out'; problem: 'none' | 'bad_token' | 'bad_link' };

/** Same-length digests, so the comparison takes as long whatever was sent and says nothing of the token. */
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Whether `given` is the dashboard token, compared in constant time; never with no token set. */
export function isDashboardToken(given: string, token: string | undefined): boolean {
  return token !== undefined && timingSafeEqual(digest(given), digest(token));
}

/**
 * A signed link is checked first (it is what was just clicked), then a bearer token, then the session cookie.
 * A valid link is answered with the same URL without its signature, so the link leaves the address bar and
 * the browser history once the cookie is set.
 */
export function admit(req: IncomingMessage, url: URL, keys: DashboardKeys, now: Date): Admission {
  if (url.searchParams.has('sig') || url.searchParams.has('exp')) {
    if (!keys.links.verify(url, now).ok) return { kind: 'out', problem: 'bad_link' };
    const clean = new URL(url);
    clean.searchParams.delete('sig');
    clean.searchParams.delete('exp');
    return { kind: 'link', clean: `${clean.pathname}${clean.search}` };
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined)
    return isDashboardToken(bearer, keys.token) ? { kind: 'in' } : { kind: 'out', problem: 'bad_token' };
  if (keys.sessions.valid(readCookie(req, sessionCookie), now)) return { kind: 'in' };
  return { kind: 'out', problem: 'none' };
}
