import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageImEnvelope } from '../fixtures/slack-payloads.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';

describe('Slack display names', () => {
  let slack: SlackTestApp;
  beforeAll(async () => {
    slack = await startSlackTestApp();
  });
  afterAll(() => slack.close());

  it('asks Slack once for the name of someone who sends many messages at once', async () => {
    // Slack is slow to answer the first lookup (a 503, then the client's retry): every message arrives meanwhile.
    slack.api.failNext('users.info', { status: 503 }, 1);
    const messages = Array.from({ length: 21 }, (_, i) => {
      const ts = `1760000000.${String(i + 1).padStart(6, '0')}`;
      return messageImEnvelope({ user: 'U0BURST', text: 'hello', ts, eventId: `EvBurst${i}` });
    });
    const acks = await Promise.all(messages.map((m) => slack.event(m)));
    expect(acks.map((a) => a.status)).toEqual(messages.map(() => 200));
    // Every message was answered…
    expect(slack.api.callsTo('chat.postMessage').filter((c) => c.args.channel === 'DU0BURST')).toHaveLength(21);
    // …with one lookup between them: the 503 and its retry.
    expect(slack.api.callsTo('users.info').filter((c) => c.args.user === 'U0BURST')).toHaveLength(2);
  });
});
