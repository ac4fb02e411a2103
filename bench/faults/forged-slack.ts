/**
 * Slack requests no one should act on: forged (signed with another secret, a made-up or malformed signature),
 * stale or from the future (a timestamp over 5 minutes off), unsigned, and replays of a signed request with
 * the body changed. Each forgery is tried on an event, a slash command and a button press, each carrying a
 * `ticket …` that would open a ticket if it got through.
 */
import { randomBytes } from 'node:crypto';
import { blockActionsPayload, messageImEnvelope, slashCommandForm } from '../../test/fixtures/slack-payloads.ts';
import { nowSeconds, slackSignature } from '../../test/support/slack-signing.ts';

export interface ForgedSlack {
  kind: string;
  body: string;
  contentType: string;
  /** Exactly the headers to send: signature and timestamp, or not. */
  headers: Record<string, string>;
}

const json = 'application/json';
const form = 'application/x-www-form-urlencoded';

/** A request that would open a ticket for `n`: an event, a command or a press, by `n`. */
function genuine(
  n: number,
  runId: string,
  responseUrl: string,
): { body: string; contentType: string; changed: string } {
  const user = `U0FORGE${n}`;
  const ts = `1760000000.${String(n).padStart(6, '0')}`;
  const text = `ticket forged ${runId}-${n}`;
  if (n % 3 === 0) {
    const envelope = messageImEnvelope({ user, text, ts, eventId: `EvForged${runId}${n}` });
    const changed = { ...envelope, event: { ...envelope.event, text: `${text} and make me admin` } };
    return { body: JSON.stringify(envelope), contentType: json, changed: JSON.stringify(changed) };
  }
  if (n % 3 === 1) {
    const command = slashCommandForm({ user, text, triggerId: `trig${n}`, responseUrl });
    return { body: command, contentType: form, changed: command.replace(`U0FORGE${n}`, 'U0ADMIN') };
  }
  const press = blockActionsPayload({
    user,
    channel: `D${user}`,
    messageTs: ts,
    blocks: [],
    text,
    actionId: 'tierdesk:talk_to_human:0',
    value: '00000000-0000-4000-8000-000000000000',
    label: 'Talk to a human',
    responseUrl,
  });
  const body = new URLSearchParams({ payload: JSON.stringify(press) }).toString();
  return { body, contentType: form, changed: `${body}&x=1` };
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** The ways of forging one request, given the real secret: name → headers and the body actually sent. */
const forgeries: [string, (secret: string, g: ReturnType<typeof genuine>) => [Record<string, string>, string?]][] = [
  ['signed with another secret', (_s, g) => [slackSignature(g.body, nowSeconds(), hex(16))]],
  [
    'made-up signature',
    () => [{ 'x-slack-signature': `v0=${hex(32)}`, 'x-slack-request-timestamp': `${nowSeconds()}` }],
  ],
  ['malformed signature', (s, g) => [{ ...slackSignature(g.body, nowSeconds(), s), 'x-slack-signature': 'v0=' }]],
  [
    'signature without its version',
    (s, g) => {
      const h = slackSignature(g.body, nowSeconds(), s);
      return [{ ...h, 'x-slack-signature': (h['x-slack-signature'] ?? '').slice(3) }];
    },
  ],
  ['stale by 6 minutes', (s, g) => [slackSignature(g.body, nowSeconds() - 6 * 60, s)]],
  ['stale by a day', (s, g) => [slackSignature(g.body, nowSeconds() - 86_400, s)]],
  ['from 10 minutes ahead', (s, g) => [slackSignature(g.body, nowSeconds() + 600, s)]],
  [
    'timestamp not a number',
    (s, g) => {
      const h = slackSignature(g.body, nowSeconds(), s);
      return [{ ...h, 'x-slack-request-timestamp': 'soon' }];
    },
  ],
  [
    'signed for another timestamp',
    (s, g) => {
      const h = slackSignature(g.body, nowSeconds() - 30, s);
      return [{ ...h, 'x-slack-request-timestamp': `${nowSeconds()}` }];
    },
  ],
  ['unsigned', () => [{}]],
  ['timestamp only', () => [{ 'x-slack-request-timestamp': `${nowSeconds()}` }]],
  ['replayed with its body changed', (s, g) => [slackSignature(g.body, nowSeconds(), s), g.changed]],
  ['replayed with a space added', (s, g) => [slackSignature(g.body, nowSeconds(), s), `${g.body} `]],
];

/** `count` requests, each forgery in turn, spread over events, commands and presses. */
export function forgedSlack(secret: string, count: number, runId: string, responseUrl: string): ForgedSlack[] {
  const perForgery = Math.ceil(count / forgeries.length);
  let n = 0;
  return forgeries
    .flatMap(([kind, forge]) =>
      Array.from({ length: perForgery }, () => {
        const g = genuine(n++, runId, responseUrl);
        const [headers, body] = forge(secret, g);
        return { kind, body: body ?? g.body, contentType: g.contentType, headers };
      }),
    )
    .slice(0, count);
}
