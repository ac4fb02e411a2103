/**
 * A recording fake of the Slack Web API on node:http. The real @slack/web-api client talks to it through
 * `slackApiUrl`, so requests are built, sent and parsed by the SDK's own code. Response shapes follow
 * api.slack.com/methods (trimmed to the fields the client and the adapter read).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** The ts a chat.postMessage got, so tests can press its buttons or find its thread. */
  ts?: string;
}

export interface SlackApiFake {
  /** Base for `SLACK_API_URL`, ending in `/api/`. */
  apiUrl: string;
  /** Base for `response_url`s handed out in slash commands and actions. */
  responseUrl(id: string): string;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Makes the next `times` calls to `method` fail as Slack would (`{ ok: false, error }` or an HTTP status). */
  failNext(method: string, failure: { error?: string; status?: number }, times?: number): void;
  close(): Promise<void>;
}

export const fakeTeam = { id: 'T0TIERDESK', domain: 'example' };
export const fakeBot = { userId: 'U0BOT', botId: 'B0BOT' };

function parsedOr(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? JSON.parse(raw) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The SDK sends nested arguments (blocks, view) as JSON strings inside the form; text that merely starts
    // with "[" or "{" (a name in brackets, say) stays text.
    args[key] = /^[[{]/.test(value) ? parsedOr(value) : value;
  }
  return args;
}

export async function startSlackApiFake(): Promise<SlackApiFake> {
  const calls: SlackCall[] = [];
  const failures = new Map<string, { error?: string; status?: number; times: number }>();
  let clock = 1_700_000_000;
  const nextTs = () => `${++clock}.000100`;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const args = await readBody(req);
    const method = url.pathname.startsWith('/respond/') ? 'response_url' : url.pathname.replace(/^\/api\//, '');
    const call: SlackCall = { method, args };
    calls.push(call);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      if (failure.status) return send(failure.status, { ok: false, error: 'fake_http_error' });
      return send(200, { ok: false, error: failure.error ?? 'fake_error' });
    }
    switch (method) {
      case 'auth.test':
        return send(200, {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'tierdesk',
          team_id: fakeTeam.id,
          user_id: fakeBot.userId,
          bot_id: fakeBot.botId,
        });
      case 'chat.postMessage': {
        call.ts = nextTs();
        return send(200, { ok: true, channel: args.channel, ts: call.ts, message: { text: args.text, ts: call.ts } });
      }
      case 'chat.postEphemeral':
        return send(200, { ok: true, message_ts: nextTs() });
      case 'chat.update':
        return send(200, { ok: true, channel: args.channel, ts: args.ts, text: args.text });
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return send(200, { ok: true, view: { id: `V${calls.length}`, ...(args.view as object) } });
      case 'users.info': {
        const id = String(args.user);
        return send(200, {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            real_name: `Person ${id}`,
            profile: { display_name: `person-${id.toLowerCase()}`, real_name: `Person ${id}` },
          },
        });
      }
      case 'reactions.add':
        return send(200, { ok: true });
      case 'conversations.replies': {
        const thread = calls.filter(
          (c) => c.method === 'chat.postMessage' && c.args.channel === args.channel && c.args.thread_ts === args.ts,
        );
        return send(200, {
          ok: true,
          messages: thread.map((c) => ({ ts: c.ts, text: c.args.text, thread_ts: args.ts })),
          has_more: false,
        });
      }
      case 'response_url':
        return send(200, { ok: true });
      default:
        return send(200, { ok: false, error: 'unknown_method' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, failure, times = 1) {
      failures.set(method, { ...failure, times });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
