import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotConnectorFake, type ConnectorCall, startBotConnectorFake } from '../fakes/bot-connector.ts';
import { type SlackApiFake, type SlackCall, startSlackApiFake } from '../fakes/slack-api.ts';
import { messageImEnvelope } from '../fixtures/slack-payloads.ts';
import {
  messageActivity,
  personalConversation,
  teamInstalledActivity,
  teamsTenant,
  userIdOf,
} from '../fixtures/teams-activities.ts';
import { nowSeconds, slackSignature, testSigningSecret } from '../support/slack-signing.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** Display names people chose for themselves in Teams. */
const requesterName = '[Verify your account](https://evil.example/login)';
const agentName = '[Open the admin console](https://evil.example/admin)';

/** A live link in Slack's mrkdwn, or in the markdown an Adaptive Card renders. */
const slackLink = /<https:\/\/evil\.example\/[^>]*\|/;
const cardLink = /\[[^\]]*\]\(https:\/\/evil\.example/;

describe('names people give themselves stay names for staff and requesters, on Slack and Teams', () => {
  let app: TestApp;
  let slack: SlackApiFake;
  let teams: BotConnectorFake;
  const mallory = { name: 'Mallory' };
  const theo = { name: 'Theo' };
  const queueChannel = '19:it-tier1@thread.tacv2';

  beforeAll(async () => {
    slack = await startSlackApiFake();
    teams = await startBotConnectorFake();
    app = await startTestApp({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: testSigningSecret,
      SLACK_API_URL: slack.apiUrl,
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      QUEUE_TIER1: `teams:${queueChannel}`,
      QUEUE_TIER2: 'slack:C0TIER2',
      ADMINS: `teams:${teamsTenant}:${userIdOf(theo)}`,
    });
    await toTeams(
      teamInstalledActivity({
        user: theo,
        id: 'install-queue',
        serviceUrl: teams.serviceUrl,
        channel: queueChannel,
        teamName: 'IT Tier 1',
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    await slack.close();
    await teams.close();
  });

  async function toTeams(activity: unknown) {
    const res = await fetch(new URL('/api/messages', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    await res.text();
    await app.idle();
  }
  let n = 0;
  /** A Teams 1:1 message from `user`, under the display name they set. */
  const say = (user: { name: string }, displayName: string, text: string) => {
    const activity = messageActivity({ user, text, id: `typed-${++n}`, serviceUrl: teams.serviceUrl });
    return toTeams({ ...activity, from: { ...activity.from, name: displayName } });
  };
  const cardText = (call: ConnectorCall | undefined) =>
    JSON.stringify((call?.activity.attachments as { content: unknown }[] | undefined)?.[0]?.content ?? {});
  const slackBlocks = (call: SlackCall | undefined) => JSON.stringify(call?.args.blocks ?? []);

  it("shows a requester's name on the queue cards in Teams and in Slack as typed, never as a link", async () => {
    const before = teams.calls.length;
    await say(mallory, requesterName, 'ticket my laptop will not start');
    const card = teams.calls.slice(before).find((c) => c.conversationId === queueChannel);
    expect(card, 'the Tier 1 queue card in Teams').toBeDefined();
    expect(cardText(card)).toContain('Verify your account');
    expect(cardText(card)).not.toMatch(cardLink);

    await say(theo, agentName, 'escalate T-1 tier2 needs hands on the laptop');
    const slackCard = slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0TIER2');
    expect(slackCard, 'the Tier 2 queue card in Slack').toBeDefined();
    expect(slackBlocks(slackCard)).toContain('Verify your account');
    expect(slackBlocks(slackCard)).not.toMatch(slackLink);
  });

  it("shows the replying agent's name in the requester's notice as typed, in Teams and in Slack", async () => {
    const before = teams.calls.length;
    await say(theo, agentName, 'reply T-1 please hold the power button for ten seconds');
    const notice = teams.calls
      .slice(before)
      .find((c) => c.conversationId === personalConversation(mallory) && cardText(c).includes('replied'));
    expect(cardText(notice)).toContain('Open the admin console');
    expect(cardText(notice)).not.toMatch(cardLink);

    const body = JSON.stringify(
      messageImEnvelope({ user: 'U0SAL', text: 'ticket the printer jams', ts: '1750000000.000100', eventId: 'EvSal' }),
    );
    await fetch(new URL('/slack/events', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...slackSignature(body, nowSeconds()) },
      body,
    });
    await app.idle();
    const posts = slack.callsTo('chat.postMessage').length;
    await say(theo, agentName, 'reply T-2 try the tray on the left');
    const slackNotice = slack
      .callsTo('chat.postMessage')
      .slice(posts)
      .find((c) => c.args.channel === 'DU0SAL');
    expect(slackBlocks(slackNotice)).toContain('Open the admin console');
    expect(slackBlocks(slackNotice)).not.toMatch(slackLink);
  });
});
