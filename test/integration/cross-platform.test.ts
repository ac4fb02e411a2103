import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotConnectorFake, startBotConnectorFake } from '../fakes/bot-connector.ts';
import { fakeTeam, type SlackApiFake, startSlackApiFake } from '../fakes/slack-api.ts';
import { blockActionsPayload, slashCommandForm } from '../fixtures/slack-payloads.ts';
import { executeInvokeActivity, messageActivity, teamsTenant, userIdOf } from '../fixtures/teams-activities.ts';
import { nowSeconds, slackSignature, testSigningSecret } from '../support/slack-signing.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

describe('a ticket asked in Teams, worked from a Slack queue', () => {
  let app: TestApp;
  let slack: SlackApiFake;
  let teams: BotConnectorFake;
  const maria = { name: 'Maria' };
  const teamsAgent = { name: 'Theo' };

  beforeAll(async () => {
    slack = await startSlackApiFake();
    teams = await startBotConnectorFake();
    app = await startTestApp({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: testSigningSecret,
      SLACK_API_URL: slack.apiUrl,
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      QUEUE_TIER1: 'slack:C0QUEUE',
      ADMINS: `slack:${fakeTeam.id}:U0SAM,teams:${teamsTenant}:${userIdOf(teamsAgent)}`,
    });
  });
  afterAll(async () => {
    await app.close();
    await slack.close();
    await teams.close();
  });

  const toTeams = async (activity: unknown) => {
    const res = await fetch(new URL('/api/messages', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  };
  const toSlack = async (body: string) => {
    const res = await fetch(new URL('/slack/events', app.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body, nowSeconds()) },
      body,
    });
    const text = await res.text();
    await app.idle();
    return text;
  };

  it('queues it in Slack, lets one of two simultaneous claims win, and answers the requester in Teams', async () => {
    const serviceUrl = teams.serviceUrl;
    await toTeams(messageActivity({ user: maria, text: 'my mailbox is full', id: 'm-1', serviceUrl }));
    const answer = teams.calls.find((c) => c.kind === 'reply');
    const talk = JSON.stringify(answer?.activity).match(/"action":"talk_to_human","value":"([^"]+)"/)?.[1] ?? '';
    const invoke = await toTeams(
      executeInvokeActivity({
        user: maria,
        id: 'i-1',
        serviceUrl,
        replyToId: answer?.activityId ?? '',
        verb: 'talk_to_human',
        data: { tierdesk: { action: 'talk_to_human', value: talk } },
      }),
    );
    // The answer card stays, saying what Maria chose; the ticket's message follows it as a reply to the press.
    expect(JSON.stringify(invoke)).toContain('Maria chose:');
    await app.idle();
    const opened = teams.calls.find((c) => c.kind === 'reply' && c.replyToId === 'i-1');
    const ref = /T-(\d+)/.exec(String(opened?.activity.summary))?.[0] ?? '';
    expect(ref).toMatch(/^T-\d+$/);

    // The Tier 1 queue is a Slack channel: the card is there, with its Claim button.
    const card = slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0QUEUE');
    expect(card?.args.text).toContain(`${ref} from Maria: my mailbox is full`);
    const blocks = (card?.args.blocks ?? []) as { type: string; elements?: { action_id: string; value: string }[] }[];
    const claim = blocks.find((b) => b.type === 'actions')?.elements?.[0];

    // Sam presses Claim in Slack while Theo types claim in Teams.
    const slackClaim = toSlack(
      new URLSearchParams({
        payload: JSON.stringify(
          blockActionsPayload({
            user: 'U0SAM',
            channel: 'C0QUEUE',
            messageTs: card?.ts ?? '',
            blocks: card?.args.blocks as unknown[],
            text: String(card?.args.text),
            actionId: claim?.action_id ?? '',
            value: claim?.value ?? '',
            label: 'Claim',
            responseUrl: slack.responseUrl('claim'),
          }),
        ),
      }).toString(),
    );
    const teamsClaim = toTeams(messageActivity({ user: teamsAgent, text: `claim ${ref}`, id: 'm-2', serviceUrl }));
    await Promise.all([slackClaim, teamsClaim]);
    const slackSaid = slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === 'C0QUEUE' && c.args.thread_ts === card?.ts);
    const teamsSaid = teams.calls.filter((c) => c.kind === 'reply' && c.replyToId === 'm-2');
    const replies = [...slackSaid.map((c) => String(c.args.text)), ...teamsSaid.map((c) => String(c.activity.summary))];
    expect(replies.filter((r) => /is yours now/.test(r))).toHaveLength(1);
    expect(replies.filter((r) => /already being handled by/.test(r))).toHaveLength(1);

    // Resolved from Slack; the requester hears it in Teams, where she asked.
    const before = teams.calls.length;
    const resolved = await toSlack(
      slashCommandForm({
        user: 'U0SAM',
        text: `resolve ${ref} Archived old mail to the online archive`,
        triggerId: 't-1',
        responseUrl: slack.responseUrl('r'),
      }),
    );
    // Sam is an admin: he may resolve it whoever holds it.
    expect(JSON.parse(resolved).text).toBe(`${ref} is resolved and the requester has been told how.`);
    const toMaria = teams.calls.slice(before).filter((c) => c.conversationId === 'a:1personal-maria');
    expect(toMaria.some((c) => /is resolved/.test(String(c.activity.summary)))).toBe(true);
    // Her status card was edited in place rather than re-posted.
    expect(toMaria.some((c) => c.kind === 'update')).toBe(true);
  });
});
