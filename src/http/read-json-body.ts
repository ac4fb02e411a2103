import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-server.ts';
import { readBodyBytes } from './read-body.ts';

/** Reads and parses a JSON body, refusing oversized or malformed ones with a clear 4xx. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send JSON with content-type: application/json');
  const body = await readBodyBytes(req, maxBytes);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}
