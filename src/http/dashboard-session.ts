import type { IncomingMessage } from 'node:http';
import type { LinkSigner } from '../signed-link.ts';

/** The session cookie: what a login or a signed link leaves in the browser, good for 12 hours. */
export const sessionCookie = 'tierdesk_dashboard';
export const sessionHours = 12;
/** The cookie is only ever sent to the dashboard's own paths. */
const cookiePath = '/dashboard';
/** What the session value signs: a path no route serves, so a session value is no link and no link a session. */
const sessionPath = '/dashboard/session';

/**
 * A session is `<expiry>.<signature>`: an expiring HMAC by the session key, nothing stored, so every replica
 * reads the same cookie. It carries no identity: the dashboard has one audience, leads and admins.
 */
export function createSessions(signer: LinkSigner) {
  return {
    issue(now: Date): string {
      const signed = new URL(signer.sign(sessionPath, new Date(now.getTime() + sessionHours * 3_600_000)), 'http://x');
      return `${signed.searchParams.get('exp')}.${signed.searchParams.get('sig')}`;
    },
    valid(value: string | undefined, now: Date): boolean {
      const match = /^(\d{1,12})\.([A-Za-z0-9_-]{1,100})$/.exec(value ?? '');
      if (!match) return false;
      const url = new URL(sessionPath, 'http://x');
      url.searchParams.set('exp', match[1] ?? '');
      url.searchParams.set('sig', match[2] ?? '');
      return signer.verify(url, now).ok;
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;

/** The named cookie's value from the request's Cookie header, if sent. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** Whether the browser reached the desk over https (directly, or through a proxy that says so). */
export function overHttps(req: IncomingMessage, publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith('https:') === true || req.headers['x-forwarded-proto'] === 'https';
}

/** HTTP-only (no script reads it), SameSite=Strict (no other site sends it), Secure over https. */
export function sessionCookieHeader(value: string, secure: boolean): string {
  const parts = [`${sessionCookie}=${value}`, `Path=${cookiePath}`, `Max-Age=${sessionHours * 3600}`, 'HttpOnly'];
  return [...parts, 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

/** Ends the session in the browser. */
export function clearedCookieHeader(secure: boolean): string {
  return [`${sessionCookie}=`, `Path=${cookiePath}`, 'Max-Age=0', 'HttpOnly', 'SameSite=Strict']
    .concat(secure ? ['Secure'] : [])
    .join('; ');
}
