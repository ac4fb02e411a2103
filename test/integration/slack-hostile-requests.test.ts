import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBlockKit } from '../../adapters/slack/render.ts';
import type { Message } from '../../src/messages/message.ts';
import { interactions } from '../../src/store/schema.ts';
import {
  blockActionsPayload,
  globalShortcutPayload,
  messageImEnvelope,
  slashCommandForm,
} from '../fixtures/slack-payloads.ts';
import { viewSubmissionPayload } from '../fixtures/slack-view-submission.ts';
import { rawExchange, statusOf } from '../support/raw-http.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';
import { nowSeconds } from '../support/slack-signing.ts';

const json = 'application/json';
const form = 'application/x-www-form-urlencoded';
const asInteraction = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/**
 * A button pressed on the largest message the desk can post: 50 blocks, each section at Slack's 3,000
 * characters, in a script that takes nine bytes a character once form-encoded. Slack sends the whole message
 * back inside the press.
 */
function pressOnLargestMessage(character: string) {
  const section = character.repeat(3000);
  const message: Message = {
    text: character.repeat(40_000),
    blocks: [
      ...Array.from({ length: 49 }, () => ({ kind: 'text' as const, text: section })),
      { kind: 'actions', buttons: [{ label: 'Helpful', actionId: 'tierdesk_unknown', value: 'x' }] },
    ],
  };
  const kit = toBlockKit(message);
  // Slack hands the blocks back with a block id and `verbatim` on each text.
  const blocks = kit.blocks.map((b, i) => ({ block_id: `blk${i}`, ...b }));
  return blockActionsPayload({
    user: 'U0BIG',
    channel: 'DU0BIG',
    messageTs: '1720000000.000900',
    blocks,
    text: kit.text,
    actionId: 'tierdesk:tierdesk_unknown:0',
    value: 'x',
    label: 'Helpful',
    responseUrl: 'https://hooks.slack.com/actions/T0TIERDESK/1234567890123/abcdefghijklmnopqrstuvwx',
  });
}

describe('the Slack endpoint under hostile or malformed input', () => {
  let slack: SlackTestApp;
  beforeAll(async () => {
    slack = await startSlackTestApp({ QUEUE_TIER1: 'slack:C0QUEUE' });
  });
  afterAll(() => slack.close());

  let n = 0;
  const ts = () => `1730000000.${String(++n).padStart(6, '0')}`;
  /** The warnings and errors logged while `run` ran. */
  const loggedDuring = async (run: () => Promise<unknown>) => {
    const before = slack.app.log.lines.length;
    await run();
    return slack.app.log.lines.slice(before).filter((l) => l.level === 'warn' || l.level === 'error');
  };
  const stillAnswers = async () => {
    const before = slack.api.calls.length;
    const at = ts();
    const ack = await slack.event(
      messageImEnvelope({ user: 'U0CHECK', text: 'how do I reset my password?', ts: at, eventId: `Ev${at}` }),
    );
    expect(ack.status).toBe(200);
    const answer = slack.api.calls.slice(before).find((c) => c.method === 'chat.postMessage');
    expect(String(answer?.args.text)).toContain('Reset a forgotten password');
  };

  it('answers a signed body that is no Slack request at all (null, payload=null, …) with 400 and one log line', async () => {
    const bodies: [string, string][] = [
      ['null', json],
      ['payload=null', form],
      ['[]', json],
      ['42', json],
      ['{}', json],
      ['{"type":', json],
      [asInteraction({}), form],
      [asInteraction([1, 2]), form],
      ['team_id=T0TIERDESK', form],
    ];
    for (const [body, type] of bodies) {
      let status = 0;
      const lines = await loggedDuring(async () => {
        status = (await slack.send(body, type)).status;
      });
      expect({ body, status }).toEqual({ body, status: 400 });
      expect(lines, body).toHaveLength(1);
      expect(lines[0]).toMatchObject({ msg: 'http request refused', status: 400, path: '/slack/events' });
    }
    await stillAnswers();
  });

  it('answers 200 to an event envelope Slack could resend but never make whole, and changes nothing', async () => {
    const at = ts();
    const whole = messageImEnvelope({
      user: 'U0NOTEAM',
      text: 'ticket my laptop is broken',
      ts: at,
      eventId: `Ev${at}`,
    });
    const { team_id: _team, ...withoutTeam } = whole;
    const broken = [withoutTeam, { ...whole, event: null }, { ...whole, event: { user: 'U0NOTEAM' } }];
    const callsBefore = slack.api.calls.length;
    const interactionsBefore = await slack.app.store.db.$count(interactions);
    for (const envelope of broken) {
      let status = 0;
      const lines = await loggedDuring(async () => {
        status = (await slack.event(envelope)).status;
      });
      expect(status).toBe(200);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ msg: 'slack request ignored' });
    }
    expect(slack.api.calls.length).toBe(callsBefore);
    expect(await slack.app.store.db.$count(interactions)).toBe(interactionsBefore);
    await stillAnswers();
  });

  it('says once in the log when Slack reports the app over its event rate limit', async () => {
    const lines = await loggedDuring(async () => {
      const ack = await slack.event({
        token: 'legacy-verification-token',
        type: 'app_rate_limited',
        team_id: 'T0TIERDESK',
        minute_rate_limited: 1_518_467_820,
        api_app_id: 'A0TIERDESK',
      });
      expect(ack.status).toBe(200);
    });
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).toContain('rate limit');
  });

  it('answers interactions and commands missing what they are routed by with 400, never 500', async () => {
    const press = blockActionsPayload({
      user: 'U0ODD',
      channel: 'DU0ODD',
      messageTs: '1720000000.000500',
      blocks: [],
      text: 'x',
      actionId: 'tierdesk:helpful:0',
      value: 'x',
      label: 'x',
      responseUrl: slack.api.responseUrl('odd'),
    });
    const submission = viewSubmissionPayload({ user: 'U0ODD', viewId: 'V0ODD', subject: 'x', description: 'x' });
    const shortcut = globalShortcutPayload({ user: 'U0ODD', triggerId: 'trig-odd' });
    const { user: _user, ...pressWithoutUser } = press;
    const { view: _view, ...submissionWithoutView } = submission;
    const { callback_id: _callback, ...shortcutWithoutCallback } = shortcut;
    const command = new URLSearchParams(
      slashCommandForm({
        user: 'U0ODD',
        text: 'help',
        triggerId: 'trig-odd-2',
        responseUrl: slack.api.responseUrl('odd'),
      }),
    );
    command.delete('team_id');
    const requests: [string, string][] = [
      [asInteraction({ type: 'block_actions' }), form],
      [asInteraction(pressWithoutUser), form],
      [asInteraction({ ...press, actions: [] }), form],
      [asInteraction({ ...press, team: null, user: { id: 'U0ODD' } }), form],
      [asInteraction(submissionWithoutView), form],
      [asInteraction({ type: 'view_submission' }), form],
      [asInteraction(shortcutWithoutCallback), form],
      [command.toString(), form],
    ];
    for (const [body, type] of requests) {
      let status = 0;
      const lines = await loggedDuring(async () => {
        status = (await slack.send(body, type)).status;
      });
      expect({ body, status }).toEqual({ body, status: 400 });
      expect(lines).toHaveLength(1);
    }
    await stillAnswers();
  });

  it('refuses a request stamped more than 5 minutes in the future, as it does a stale one', async () => {
    const at = ts();
    const envelope = messageImEnvelope({
      user: 'U0FUTURE',
      text: 'how do I reset my password?',
      ts: at,
      eventId: `Ev${at}`,
    });
    const before = slack.api.calls.length;
    expect((await slack.event(envelope, { timestamp: nowSeconds() + 6 * 60 })).status).toBe(401);
    expect(slack.api.calls.length).toBe(before);
    // A clock a little ahead of ours is still Slack's.
    expect((await slack.event(envelope, { timestamp: nowSeconds() + 60 })).status).toBe(200);
  });

  it('refuses an unsigned or stale request before its body arrives, and hangs up', async () => {
    const headers = (extra: string) =>
      `POST /slack/events HTTP/1.1\r\nHost: localhost\r\ncontent-type: ${json}\r\ncontent-length: 4194304\r\n${extra}\r\n`;
    const unsigned = await rawExchange(slack.app.url, headers(''));
    expect(statusOf(unsigned)).toBe(401);
    expect(unsigned.closedByServer).toBe(true);
    const stale = await rawExchange(
      slack.app.url,
      headers(`x-slack-signature: v0=${'0'.repeat(64)}\r\nx-slack-request-timestamp: ${nowSeconds() - 600}\r\n`),
    );
    expect(statusOf(stale)).toBe(401);
    expect(stale.closedByServer).toBe(true);
  });

  it("answers Slack's unsigned ssl_check, and nothing smuggled in with it reaches the desk", async () => {
    expect((await slack.send('ssl_check=1&token=legacy-verification-token', form, { unsigned: true })).status).toBe(
      200,
    );
    const before = slack.api.calls.length;
    const at = ts();
    const smuggled = asInteraction(
      messageImEnvelope({ user: 'U0SMUGGLER', text: 'ticket fake', ts: at, eventId: `Ev${at}` }),
    );
    expect((await slack.send(`ssl_check=1&${smuggled}`, form, { unsigned: true })).status).toBe(401);
    expect(
      (await slack.send('ssl_check=1&payload=%7B%22type%22%3A%22shortcut%22%7D', form, { unsigned: true })).status,
    ).toBe(200);
    expect(slack.api.calls.length).toBe(before);
  });

  it('refuses a declared 10 GB body at once, before reading any of it', async () => {
    const exchange = await rawExchange(
      slack.app.url,
      `POST /slack/events HTTP/1.1\r\nHost: localhost\r\ncontent-type: ${json}\r\ncontent-length: 10737418240\r\n` +
        `x-slack-signature: v0=${'0'.repeat(64)}\r\nx-slack-request-timestamp: ${nowSeconds()}\r\n\r\n`,
    );
    expect(statusOf(exchange)).toBe(413);
    expect(exchange.closedByServer).toBe(true);
  });

  it('takes the largest press Slack really sends, and refuses a body past the limit with 413', async () => {
    const largest = asInteraction(pressOnLargestMessage('あ'));
    // Sizes measured here are what the limit in slack-request.ts is based on.
    expect(Buffer.byteLength(largest)).toBeGreaterThan(1_300_000);
    expect(Buffer.byteLength(asInteraction(pressOnLargestMessage('abcd ')))).toBeLessThan(200_000);
    expect((await slack.send(largest, form)).status).toBe(200);

    const oversized = `${largest}&padding=${'x'.repeat(400_000)}`;
    let status = 0;
    const lines = await loggedDuring(async () => {
      status = (await slack.send(oversized, form)).status;
    });
    expect(status).toBe(413);
    expect(lines).toHaveLength(1);
  });
});
