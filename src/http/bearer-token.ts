import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-server.ts';

const challenge = (realm: string, error?: string) => ({
  'www-authenticate': `Bearer realm="${realm}"${error ? `, error="${error}"` : ''}`,
});

/** Same-length digests, so the comparison takes as long whatever was sent and says nothing of the token. */
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Lets the request through only with `Authorization: Bearer <token>`, compared in constant time. With no
 * token configured nobody gets in: an unset secret must not mean an open door.
 */
export function requireBearer(req: IncomingMessage, token: string | undefined, realm: string, setting: string): void {
  if (token === undefined) throw new HttpError(401, `${realm} is off: set ${setting} to use it`, challenge(realm));
  const header = req.headers.authorization ?? '';
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (given === undefined)
    throw new HttpError(401, `${realm} needs an "Authorization: Bearer <token>" header`, challenge(realm));
  if (!timingSafeEqual(digest(given), digest(token)))
    throw new HttpError(401, 'that token is not valid here', challenge(realm, 'invalid_token'));
}
