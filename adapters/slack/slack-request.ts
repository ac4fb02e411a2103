import type { IncomingMessage } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { verifySlackRequest } from '@slack/bolt';
import { z } from 'zod';
import { HttpError } from '../../src/http/http-server.ts';
import { readBodyBytes } from '../../src/http/read-body.ts';

/**
 * What a request to /slack/events may be, checked before Bolt sees it. Bolt buffers up to 4 MiB before
 * looking at the signature, accepts timestamps from the future, and crashes the process on a signed `null`;
 * here the cheap checks come first (headers, then the declared size), the body is read under a cap, its
 * signature verified, and its shape checked far enough that nothing after can trip on it. Bolt still
 * verifies the signature again on the same bytes.
 */
export const slackRequestLimits = {
  /**
   * The largest request Slack sends: a button pressed on a 50-block message of ours, which comes back whole
   * inside the form-encoded payload. Measured: 160 KB with English text, 1.31 MiB with Japanese (each
   * character is nine bytes once UTF-8 and percent-encoded); a view_submission with every field full is
   * 55 KB. Bolt's own limit is 4 MiB.
   */
  maxBodyBytes: 1536 * 1024,
  /** Slack's rule for replays, applied both ways: a request stamped further from now is refused. */
  maxClockSkewSeconds: 5 * 60,
  /** Slack's unsigned `ssl_check=1&token=…` is a few dozen bytes. */
  maxUnsignedBytes: 512,
} as const;

/** A request fit for Bolt, one to answer here, or one that is Slack's but not for the desk. */
export type SlackRequest =
  | { kind: 'event' | 'command' | 'interaction' | 'url_verification' }
  | { kind: 'ssl_check' }
  /** Answered 200 so Slack does not send it again: resending cannot make it whole. */
  | { kind: 'ignored'; problem: string };

const formType = 'application/x-www-form-urlencoded';

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Slack's ssl_check arrives unsigned; anything else without the signature headers is refused unread. */
async function readUnsigned(req: IncomingMessage): Promise<SlackRequest> {
  const unsigned = new HttpError(401, 'request is not signed by Slack');
  if (header(req, 'content-type') !== formType) throw unsigned;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > slackRequestLimits.maxUnsignedBytes) throw unsigned;
  const body = await readBodyBytes(req, slackRequestLimits.maxUnsignedBytes).catch(() => {
    throw unsigned;
  });
  if (parseForm(body.toString('utf8')).ssl_check !== '1') throw unsigned;
  return { kind: 'ssl_check' };
}

/** The signature headers, present once each and stamped within five minutes of now, either way. */
function checkSignatureHeaders(req: IncomingMessage, nowMs: number): { signature: string; timestamp: number } {
  const signature = header(req, 'x-slack-signature');
  const stamp = header(req, 'x-slack-request-timestamp');
  if (signature === undefined || stamp === undefined) throw new HttpError(401, 'request is not signed by Slack');
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) throw new HttpError(401, 'x-slack-signature is not a v0 signature');
  if (!/^\d{1,12}$/.test(stamp)) throw new HttpError(401, 'x-slack-request-timestamp is not a time');
  const timestamp = Number(stamp);
  const skew = timestamp - Math.floor(nowMs / 1000);
  if (Math.abs(skew) > slackRequestLimits.maxClockSkewSeconds) {
    throw new HttpError(
      401,
      `request timestamp is ${skew > 0 ? 'in the future' : 'stale'}: more than 5 minutes from now`,
    );
  }
  return { signature, timestamp };
}

const object = z.record(z.string(), z.unknown());
const nonEmpty = z.string().min(1);

/** The Events API envelope (api.slack.com/apis/events-api#callback-field), as far as Bolt and the listeners read it. */
const eventEnvelope = z.object({ team_id: nonEmpty, event: z.object({ type: nonEmpty }).loose() }).loose();

const slashCommand = z.object({ command: z.string().regex(/^\//), team_id: nonEmpty, user_id: nonEmpty }).loose();

const team = z.object({ id: nonEmpty }).loose();
/** Every interaction names who acted and, through `team` or the user, where (null `team`: an org-wide app). */
const interaction = z
  .object({
    type: nonEmpty,
    user: z.object({ id: nonEmpty, team_id: nonEmpty.optional() }).loose(),
    team: team.nullable().optional(),
  })
  .loose()
  .refine((p) => p.team?.id ?? p.user.team_id, { message: 'no team: neither team.id nor user.team_id' });
/** What Bolt reads to route each kind it is asked to handle (a missing part throws inside Bolt). */
const interactionParts: Record<string, z.ZodType> = {
  block_actions: z.object({ actions: z.array(z.object({ action_id: nonEmpty }).loose()).min(1) }).loose(),
  view_submission: z.object({ view: z.object({ id: nonEmpty, callback_id: z.string() }).loose() }).loose(),
  view_closed: z.object({ view: z.object({ id: nonEmpty, callback_id: z.string() }).loose() }).loose(),
  shortcut: z.object({ callback_id: nonEmpty, trigger_id: nonEmpty }).loose(),
  message_action: z
    .object({ callback_id: nonEmpty, channel: z.object({ id: nonEmpty }).loose(), message: object })
    .loose(),
};

const problemOf = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, `${what} is not valid JSON`);
  }
}

/** Checks what Bolt would parse out of the body (the same rules as its HTTPModuleFunctions.parseHTTPRequestBody). */
function classify(contentType: string | undefined, text: string): SlackRequest {
  if (contentType === formType) {
    const form = parseForm(text);
    if (typeof form.payload === 'string') return classifyInteraction(parseJson(form.payload, 'payload'));
    if (form.ssl_check === '1') return { kind: 'ssl_check' };
    const command = slashCommand.safeParse(form);
    if (!command.success) throw new HttpError(400, `not a Slack slash command: ${problemOf(command.error)}`);
    return { kind: 'command' };
  }
  const body = parseJson(text, 'request body');
  const envelope = object.safeParse(body);
  if (!envelope.success) throw new HttpError(400, `not a Slack request: the body is ${kindOf(body)}`);
  const type = envelope.data.type;
  if (type === 'url_verification') {
    if (typeof envelope.data.challenge !== 'string') throw new HttpError(400, 'url_verification without a challenge');
    return { kind: 'url_verification' };
  }
  if (typeof type !== 'string') throw new HttpError(400, 'not a Slack request: no type');
  if (type === 'app_rate_limited') {
    return { kind: 'ignored', problem: 'Slack dropped events: the app went over the Events API rate limit' };
  }
  if (type !== 'event_callback') return { kind: 'ignored', problem: `an Events API request of type ${type}` };
  const event = eventEnvelope.safeParse(body);
  if (!event.success) return { kind: 'ignored', problem: `event envelope not understood: ${problemOf(event.error)}` };
  return { kind: 'event' };
}

function classifyInteraction(payload: unknown): SlackRequest {
  if (kindOf(payload) !== 'object')
    throw new HttpError(400, `not a Slack interaction: the payload is ${kindOf(payload)}`);
  const read = interaction.safeParse(payload);
  if (!read.success) throw new HttpError(400, `not a Slack interaction: ${problemOf(read.error)}`);
  const parts = interactionParts[read.data.type];
  if (!parts) return { kind: 'ignored', problem: `an interaction of type ${read.data.type}` };
  const whole = parts.safeParse(payload);
  if (!whole.success) throw new HttpError(400, `${read.data.type} not understood: ${problemOf(whole.error)}`);
  return { kind: 'interaction' };
}

/**
 * Reads one request to /slack/events, or throws the HttpError to answer it with (401 unsigned, stale or
 * from the future; 413 too large; 400 malformed). On success the raw body is on the request where Bolt's
 * receiver looks for it (`rawBody`), so Bolt reads the same bytes without touching the stream again.
 */
export async function readSlackRequest(
  req: IncomingMessage,
  signingSecret: string,
  nowMs = Date.now(),
): Promise<SlackRequest> {
  if (req.headers['x-slack-signature'] === undefined && req.headers['x-slack-request-timestamp'] === undefined) {
    return readUnsigned(req);
  }
  const { signature, timestamp } = checkSignatureHeaders(req, nowMs);
  const body = await readBodyBytes(req, slackRequestLimits.maxBodyBytes);
  const text = body.toString('utf8');
  try {
    verifySlackRequest({
      signingSecret,
      body: text,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: nowMs,
    });
  } catch {
    throw new HttpError(401, 'signature does not match');
  }
  Object.assign(req, { rawBody: body });
  return classify(header(req, 'content-type'), text);
}
