import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTeam } from '../fakes/slack-api.ts';
import { slashCommandForm } from '../fixtures/slack-payloads.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';

/**
 * A queue card that Slack is slow to take must not hold up the person whose request sent it: one try, then
 * the outbox takes over (it keeps the card, looks for it, and posts it only if it never went out).
 */
describe('Slack: a slow queue card does not hold up the person who opened the ticket', () => {
  let slack: SlackTestApp;
  beforeAll(async () => {
    slack = await startSlackTestApp({ QUEUE_TIER1: 'slack:C0QUEUE', ADMINS: `slack:${fakeTeam.id}:U0ADMIN` });
  });
  afterAll(() => slack.close());

  it('tries the card once within the request, and the outbox finds it later instead of posting it twice', async () => {
    // Slack takes the card but answers only after the 10 s timeout.
    slack.api.failNext('chat.postMessage', { delayMs: 11_000, channel: 'C0QUEUE' });
    const before = slack.api.calls.length;
    const ack = await slack.command(
      slashCommandForm({
        user: 'U0WAIT',
        text: 'ticket VPN token expired',
        triggerId: 'trig-w',
        responseUrl: slack.api.responseUrl('w'),
      }),
    );
    const said = [
      ack.body,
      ...slack.api.calls
        .slice(before)
        .filter((c) => c.method === 'response_url')
        .map((c) => JSON.stringify(c.args)),
    ];
    expect(said.join(' ')).toMatch(/opened ticket T-\d+/);
    const during = slack.api.calls.slice(before);
    expect(during.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0QUEUE')).toHaveLength(1);
    // No second round (a look for the card, then perhaps another 10 s try) while the person waits.
    expect(during.filter((c) => c.method === 'conversations.history')).toEqual([]);

    slack.app.clock.advance(60_000);
    await slack.app.runJob('outbox-retry');
    expect(slack.api.messagesIn('C0QUEUE').filter((m) => m.text.includes('VPN token expired'))).toHaveLength(1);
  });
});
