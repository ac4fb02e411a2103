import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-server.ts';
import { readBodyBytes } from './read-body.ts';

/** Reads an `application/x-www-form-urlencoded` body (a plain HTML form), refusing large or other bodies. */
export async function readFormBody(req: IncomingMessage, maxBytes: number): Promise<Record<string, string>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type))
    throw new HttpError(415, 'send the form as application/x-www-form-urlencoded');
  const body = await readBodyBytes(req, maxBytes);
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}
