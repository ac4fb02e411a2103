/**
 * A recording fake of the Slack Web API on node:http. The real @slack/web-api client talks to it through
 * `slackApiUrl`, so requests are built, sent and parsed by the SDK's own code. Response shapes follow
 * api.slack.com/methods (trimmed to the fields the client and the adapter read).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFileUploads, type SlackUploadedFile } from './slack-file-uploads.ts';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** The ts a chat.postMessage got, so tests can press its buttons or find its thread. */
  ts?: string;
}

/** A message as it stands in the fake workspace: posted by the bot (and maybe edited since). */
export interface SlackStoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/**
 * How the next matching calls go wrong. `error`: Slack refuses (`{ ok: false, error }`); `status`: an HTTP
 * error (with `retryAfter` seconds on a 429). `delayMs`: the call is done, but the answer comes that much
 * later (after the client gave up); `drop`: the call is done, then the connection closes without an answer.
 * `channel` narrows it to calls for one channel.
 */
export interface SlackFailure {
  error?: string;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  drop?: boolean;
  channel?: string;
}

export interface SlackApiFake {
  /** Base for `SLACK_API_URL`, ending in `/api/`. */
  apiUrl: string;
  /** Base for `response_url`s handed out in slash commands and actions. */
  responseUrl(id: string): string;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** Makes the next `times` calls to `method` fail as Slack would (see `SlackFailure`). */
  failNext(method: string, failure: SlackFailure, times?: number): void;
  /** What the bot's messages in a channel (or a DM: the user id or the D channel) look like now, oldest first. */
  messagesIn(channel: string): SlackStoredMessage[];
  /** Files uploaded through files.getUploadURLExternal, with their bytes and where they were shared. */
  uploads: SlackUploadedFile[];
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

/** Posting to a user id goes to the bot's direct conversation with them, as the fixtures' D channels. */
const conversationOf = (channel: string) => (/^[UW][A-Z0-9]+$/.test(channel) ? `D${channel}` : channel);

/** One page of `list` from `args.cursor` (an offset), `args.limit` long, as Slack pages conversations. */
function page<T>(list: T[], args: Record<string, unknown>) {
  const from = Number(args.cursor ?? 0) || 0;
  const limit = Number(args.limit ?? 100) || 100;
  const messages = list.slice(from, from + limit);
  const more = from + limit < list.length;
  return { messages, has_more: more, response_metadata: { next_cursor: more ? String(from + limit) : '' } };
}

export interface SlackApiFakeOptions {
  /** Told of each call as it arrives, so a bench can time replies without polling `calls`. */
  onCall?(call: SlackCall): void;
}

export async function startSlackApiFake(options: SlackApiFakeOptions = {}): Promise<SlackApiFake> {
  const calls: SlackCall[] = [];
  const failures: (SlackFailure & { method: string; times: number })[] = [];
  const stored: SlackStoredMessage[] = [];
  let clock = 1_700_000_000;
  const nextTs = () => `${++clock}.000100`;
  const shown = (m: SlackStoredMessage, args: Record<string, unknown>) => {
    const { metadata, channel: _channel, ...rest } = m;
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
    return {
      type: 'message',
      user: fakeBot.userId,
      bot_id: fakeBot.botId,
      ...rest,
      ...(withMetadata && metadata ? { metadata } : {}),
    };
  };

  let base = '';
  const uploads = createFileUploads(() => base);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/upload/')) {
      calls.push({ method: 'upload', args: { file: url.pathname.slice('/upload/'.length) } });
      res.writeHead(await uploads.receive(req, url.pathname.slice('/upload/'.length)), {
        'content-type': 'text/plain',
      });
      return void res.end('OK');
    }
    const args = await readBody(req);
    const method = url.pathname.startsWith('/respond/') ? 'response_url' : url.pathname.replace(/^\/api\//, '');
    const call: SlackCall = { method, args };
    calls.push(call);
    options.onCall?.(call);
    let late: SlackFailure | undefined;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (late?.drop) return void req.socket.destroy();
      if (late?.delayMs) return void setTimeout(answer, late.delayMs).unref();
      answer();
    };
    const failure = failures.find(
      (f) => f.method === method && f.times > 0 && (!f.channel || f.channel === args.channel),
    );
    if (failure) {
      failure.times -= 1;
      if (failure.delayMs || failure.drop) late = failure;
      else if (failure.status) {
        const retry: Record<string, string> = failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {};
        return send(
          failure.status,
          { ok: false, error: failure.status === 429 ? 'ratelimited' : 'fake_http_error' },
          retry,
        );
      } else return send(200, { ok: false, error: failure.error ?? 'fake_error' });
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
        const message: SlackStoredMessage = {
          channel: conversationOf(String(args.channel)),
          ts: call.ts,
          ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
          text: String(args.text ?? ''),
          ...(args.blocks ? { blocks: args.blocks } : {}),
          ...(args.metadata ? { metadata: args.metadata as SlackStoredMessage['metadata'] } : {}),
        };
        stored.push(message);
        return send(200, { ok: true, channel: message.channel, ts: call.ts, message: shown(message, {}) });
      }
      case 'chat.postEphemeral':
        return send(200, { ok: true, message_ts: nextTs() });
      case 'chat.update': {
        const message = stored.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (message) Object.assign(message, { text: String(args.text ?? ''), blocks: args.blocks });
        return send(200, { ok: true, channel: args.channel, ts: args.ts, text: args.text });
      }
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
      case 'conversations.open':
        return send(200, { ok: true, channel: { id: conversationOf(String(args.users)) } });
      // Newest first, top-level messages only, as Slack answers.
      case 'conversations.history': {
        const top = stored.filter((m) => m.channel === args.channel && (!m.thread_ts || m.thread_ts === m.ts));
        const { messages, ...paging } = page([...top].reverse(), args);
        return send(200, { ok: true, messages: messages.map((m) => shown(m, args)), ...paging });
      }
      // The thread's parent (when the bot wrote it), then its replies, oldest first.
      case 'conversations.replies': {
        const thread = stored.filter(
          (m) => m.channel === args.channel && (m.ts === args.ts || m.thread_ts === args.ts),
        );
        const { messages, ...paging } = page(thread, args);
        return send(200, { ok: true, messages: messages.map((m) => shown(m, args)), ...paging });
      }
      case 'response_url':
        return send(200, { ok: true });
      case 'files.getUploadURLExternal':
        return send(200, uploads.begin(args));
      case 'files.completeUploadExternal':
        return send(200, uploads.complete(args));
      default:
        return send(200, { ok: false, error: 'unknown_method' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, failure, times = 1) {
      // A new failure for the same method (and channel) replaces the last one: `times = 0` ends it.
      const same = failures.findIndex((f) => f.method === method && f.channel === failure.channel);
      if (same >= 0) failures.splice(same, 1);
      failures.push({ ...failure, method, times });
    },
    messagesIn: (channel) => stored.filter((m) => m.channel === conversationOf(channel)),
    uploads: uploads.files,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
