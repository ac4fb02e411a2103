import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTeam } from '../fakes/slack-api.ts';
import { messageImEnvelope } from '../fixtures/slack-payloads.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';

/** The `dashboard` command on Slack: the link goes by DM, and when Slack refuses the DM the lead is told so. */
describe('the dashboard link on Slack', () => {
  let slack: SlackTestApp;
  beforeAll(async () => {
    slack = await startSlackTestApp({ ADMINS: `slack:${fakeTeam.id}:U0ADMIN`, PUBLIC_URL: 'https://desk.example.com' });
  });
  afterAll(() => slack.close());

  let n = 0;
  const say = async (text: string) => {
    const ts = `1720000100.${String(++n).padStart(6, '0')}`;
    await slack.event(messageImEnvelope({ user: 'U0ADMIN', text, ts, eventId: `Ev${ts}` }));
    return slack.api.messagesIn('DU0ADMIN').filter((m) => m.thread_ts === ts || m.ts === ts);
  };

  it('sends the signed link privately and says so', async () => {
    await say('dashboard');
    const texts = slack.api.messagesIn('DU0ADMIN').map((m) => m.text);
    expect(texts.some((t) => /https:\/\/desk\.example\.com\/dashboard\?exp=\d+&(amp;)?sig=/.test(t))).toBe(true);
    expect(texts).toContain("I've sent you a private link, valid for an hour.");
  });

  it('says honestly that no link went out when Slack will not open the DM', async () => {
    slack.api.failNext('chat.postMessage', { error: 'user_disabled', channel: 'U0ADMIN' }, 5);
    const before = slack.api.messagesIn('DU0ADMIN').length;
    await say('dashboard');
    const added = slack.api
      .messagesIn('DU0ADMIN')
      .slice(before)
      .map((m) => m.text);
    expect(added.join('\n')).toMatch(/couldn't send you the private link|couldn't send you a private message/);
    expect(added.join('\n')).not.toContain('/dashboard?exp=');
  });
});
