import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { newErrorReference } from '../errors.ts';
import type { Logger } from '../log.ts';

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  /** The exact path, or one ending in `/*` for everything under it (`/kb/*`: `/kb/vpn-connect`). */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

const servesPath = (route: Route, path: string) =>
  route.path.endsWith('/*') ? path.startsWith(route.path.slice(0, -1)) : route.path === path;

/** A status code and a message safe to show the caller, with any headers the status needs (WWW-Authenticate). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    // Answered before the body arrived (too large, unsigned): closing is what stops Node reading the rest.
    ...(res.req.complete ? {} : { connection: 'close' }),
  });
  res.end(payload);
}

/**
 * How long a client may take. Node's defaults let a request take 300 s to arrive: a few hundred idle or
 * dribbling connections would then hold memory and sockets for minutes. Every caller of this server
 * (Slack, Teams, the web chat) sends small requests at once.
 */
export const httpTimeouts = {
  /** All request headers must arrive within this. */
  headersTimeout: 10_000,
  /** The whole request, headers and body. */
  requestTimeout: 20_000,
  /** How often Node looks for connections past those limits (its default is 30 s). */
  connectionsCheckingInterval: 2_000,
} as const;

/**
 * One server for every adapter. Routes read their own bodies: a platform that signs the raw body must
 * get it untouched, so nothing here parses a body ahead of a route.
 */
export type DeskServer = Server & {
  /** Resolves once every request received so far has been answered, or after `limitMs`. */
  drain(limitMs: number): Promise<void>;
};

export function createHttpServer(routes: readonly Route[], log: Logger): DeskServer {
  // The requests being answered: a shutdown lets them finish instead of cutting their connections.
  const inFlight = new Set<ServerResponse>();
  let drained: (() => void) | undefined;
  const server = createServer({ ...httpTimeouts }, async (req, res) => {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) drained?.();
    });
    // A request line that is no URL at all ("//[") must not take every adapter down with it.
    const raw = req.url ?? '/';
    const url = URL.canParse(raw, 'http://localhost') ? new URL(raw, 'http://localhost') : undefined;
    if (!url) {
      log.warn('http request refused', { method: req.method, status: 400, problem: 'not a valid URL' });
      return sendJson(res, 400, { error: 'not a valid URL' });
    }
    const matches = routes.filter((r) => servesPath(r, url.pathname));
    const route = matches.find((r) => r.method === req.method);
    try {
      if (!route) {
        if (matches.length > 0)
          throw new HttpError(405, `use ${matches.map((r) => r.method).join(' or ')} for ${url.pathname}`);
        throw new HttpError(404, `nothing at ${url.pathname}`);
      }
      await route.handle(req, res, url);
    } catch (err) {
      if (res.headersSent) return void res.end();
      if (err instanceof HttpError) {
        log.warn('http request refused', {
          method: req.method,
          path: url.pathname,
          status: err.status,
          problem: err.message,
        });
        return sendJson(res, err.status, { error: err.message }, err.headers);
      }
      const reference = newErrorReference();
      log.error('http request failed', { reference, method: req.method, path: url.pathname, err });
      sendJson(res, 500, { error: `internal error (reference ${reference})` });
    }
  });
  return Object.assign(server, {
    drain: (limitMs: number) =>
      new Promise<void>((resolve) => {
        if (inFlight.size === 0) return resolve();
        const timer = setTimeout(resolve, limitMs);
        drained = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
  });
}
