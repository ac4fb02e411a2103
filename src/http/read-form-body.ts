import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-server.ts';

/** Reads an `application/x-www-form-urlencoded` body (a plain HTML form), refusing large or other bodies. */
export async function readFormBody(req: IncomingMessage, maxBytes: number): Promise<Record<string, string>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type))
    throw new HttpError(415, 'send the form as application/x-www-form-urlencoded');
  if (Number(req.headers['content-length'] ?? 0) > maxBytes)
    throw new HttpError(413, `request body is larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, `request body is larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}
