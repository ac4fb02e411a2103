import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-server.ts';

/**
 * A request's whole body, refused with 413 once it passes `maxBytes`: by its declared length before reading
 * anything, or as it arrives when no length was declared (or a false one).
 */
export async function readBodyBytes(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `request body is larger than ${maxBytes} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
