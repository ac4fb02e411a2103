import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { Desk } from '../../src/desk.ts';
import { HttpError, type Route, sendJson } from '../../src/http/http-server.ts';
import { readJsonBody } from '../../src/http/read-json-body.ts';
import { localChatCopy } from '../../src/messages/local-chat-copy.ts';
import type { Message } from '../../src/messages/message.ts';
import { tierLabels } from '../../src/messages/tier-names.ts';
import { splitPlace } from '../../src/outbox.ts';
import type { Platform } from '../../src/platform.ts';
import {
  actionBody,
  describeIssues,
  formBody,
  inboxQuery,
  messageBody,
  queuesQuery,
  toActionInbound,
  toFormInbound,
  toMessageInbound,
  toPerson,
} from './inbound.ts';
import { createLocalOutbox, type LocalMessage } from './local-outbox.ts';

/** Room for a 100 kB question, so an over-long one gets the desk's polite answer rather than a bare 413. */
export const maxBodyBytes = 128 * 1024;

/** The web page's scripts, served under /local/. */
export const pageScripts = ['page.js', 'page-model.js', 'page-render.js'];

/** The credential-free chat: always on, with nothing to configure. */
export const localPlatform: Platform = {
  name: 'local',
  mount: (_settings, { desk }) => {
    const { routes, outbox } = mountLocal(desk);
    return { label: 'local chat', routes, outbox, start: async () => {}, idle: async () => {}, stop: async () => {} };
  },
};

/** A web page at `/` and the `/api/local/*` JSON API it (and tests) use. */
function mountLocal(desk: Desk) {
  const outbox = createLocalOutbox();
  const page = readFile(new URL('./page.html', import.meta.url), 'utf8');
  // The page's scripts, as they are in this folder: plain ES modules, no build step.
  const scriptRoutes: Route[] = pageScripts.map((name) => {
    const source = readFile(new URL(`./${name}`, import.meta.url), 'utf8');
    return {
      method: 'GET',
      path: `/local/${name}`,
      handle: async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        res.end(await source);
      },
    };
  });
  const parse =
    <T>(schema: z.ZodType<T>) =>
    async (req: IncomingMessage): Promise<T> => {
      const body = await readJsonBody(req, maxBodyBytes).catch((err: unknown) => {
        // The page shows the error as it is: a sentence, not a byte count.
        throw err instanceof HttpError && err.status === 413 ? new HttpError(413, localChatCopy.tooLong) : err;
      });
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error));
      return parsed.data;
    };
  /**
   * Replies go out in the HTTP response; ones the desk will edit later carry an id, and their edits arrive in
   * the person's inbox as `replaces` that id.
   */
  const delivered = async (user: string, messages: Message[]): Promise<LocalMessage[]> => {
    const shown: LocalMessage[] = [];
    for (const { remember, ...message } of messages) {
      if (!remember) {
        shown.push(message);
        continue;
      }
      const posted = outbox.reference(`@${user}`);
      await desk.posted(remember, posted);
      shown.push({ ...message, id: posted.id });
    }
    return shown;
  };
  const readMessage = parse(messageBody);
  const readAction = parse(actionBody);
  const readForm = parse(formBody);
  const routes: Route[] = [
    ...scriptRoutes,
    {
      method: 'GET',
      path: '/',
      handle: async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(await page);
      },
    },
    {
      // Browsers ask for it on every page load; an empty answer keeps the logs free of 404s.
      method: 'GET',
      path: '/favicon.ico',
      handle: (_req, res) => void res.writeHead(204).end(),
    },
    {
      method: 'POST',
      path: '/api/local/messages',
      handle: async (req, res) => {
        const body = await readMessage(req);
        sendJson(res, 200, { messages: await delivered(body.user, await desk.handle(toMessageInbound(body))) });
      },
    },
    {
      method: 'POST',
      path: '/api/local/actions',
      handle: async (req, res) => {
        const body = await readAction(req);
        sendJson(res, 200, { messages: await delivered(body.user, await desk.handle(toActionInbound(body))) });
      },
    },
    {
      method: 'POST',
      path: '/api/local/forms',
      handle: async (req, res) => {
        const body = await readForm(req);
        sendJson(res, 200, { messages: await delivered(body.user, await desk.handle(toFormInbound(body))) });
      },
    },
    {
      method: 'GET',
      path: '/api/local/inbox',
      handle: (_req, res, url) => {
        const query = inboxQuery.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) throw new HttpError(400, 'give ?user=<name> or ?place=<channel>, e.g. ?place=%23it-tier1');
        const inbox = 'user' in query.data ? `@${query.data.user}` : query.data.place;
        sendJson(res, 200, { messages: outbox.take(inbox) });
      },
    },
    {
      // The page's Queues view: each local queue's cards as they stand, read without taking them.
      method: 'GET',
      path: '/api/local/queues',
      handle: async (_req, res, url) => {
        const query = queuesQuery.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) throw new HttpError(400, 'give ?user=<name>');
        const places = await desk.queuesFor(toPerson(query.data.user));
        if (!places) throw new HttpError(403, localChatCopy.queuesRefused);
        const queues = places.flatMap(({ tier, place }) => {
          const { platform, address } = splitPlace(place);
          return platform === 'local'
            ? [{ tier, name: tierLabels[tier], place: address, messages: outbox.board(address) }]
            : [];
        });
        sendJson(res, 200, { queues });
      },
    },
  ];
  return { routes, outbox };
}
