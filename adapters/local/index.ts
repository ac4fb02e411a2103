import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { Desk } from '../../src/desk.ts';
import { HttpError, type Route, sendJson } from '../../src/http/http-server.ts';
import { readJsonBody } from '../../src/http/read-json-body.ts';
import type { Message } from '../../src/messages/message.ts';
import type { Platform } from '../../src/platform.ts';
import {
  actionBody,
  describeIssues,
  formBody,
  inboxQuery,
  messageBody,
  toActionInbound,
  toFormInbound,
  toMessageInbound,
} from './inbound.ts';
import { createLocalOutbox } from './local-outbox.ts';

/** Room for a 100 kB question, so an over-long one gets the desk's polite answer rather than a bare 413. */
export const maxBodyBytes = 128 * 1024;

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
  const parse =
    <T>(schema: z.ZodType<T>) =>
    async (req: IncomingMessage): Promise<T> => {
      const parsed = schema.safeParse(await readJsonBody(req, maxBodyBytes));
      if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error));
      return parsed.data;
    };
  /** Replies go out in the HTTP response; ones the desk will edit later are reported with their inbox. */
  const delivered = async (user: string, messages: Message[]): Promise<Message[]> => {
    const shown: Message[] = [];
    for (const { remember, ...message } of messages) {
      if (remember) await desk.posted(remember, outbox.reference(`@${user}`));
      shown.push(message);
    }
    return shown;
  };
  const readMessage = parse(messageBody);
  const readAction = parse(actionBody);
  const readForm = parse(formBody);
  const routes: Route[] = [
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
  ];
  return { routes, outbox };
}
