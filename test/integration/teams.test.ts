import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactions } from '../../src/store/schema.ts';
import type { ConnectorCall } from '../fakes/bot-connector.ts';
import type { IdentityFake } from '../fakes/bot-framework-identity.ts';
import {
  botAddedActivity,
  channelMentionActivity,
  executeInvokeActivity,
  installedActivity,
  messageActivity,
  personalConversation,
  submitActivity,
  teamsTenant,
  userIdOf,
} from '../fixtures/teams-activities.ts';
import { deskJourneys } from '../journeys/desk-journeys.ts';
import { failNextInsert } from '../support/fail-once.ts';
import { startTeamsTestApp, type TeamsTestApp } from '../support/teams-app.ts';
import { startTeamsAuth, type TeamsAuth } from '../support/teams-auth.ts';
import { createTeamsDriver } from '../support/teams-driver.ts';

deskJourneys('Teams', (options) => createTeamsDriver(options));

describe('Teams adapter over HTTP (unauthenticated, for local testing)', () => {
  let teams: TeamsTestApp;
  beforeAll(async () => {
    teams = await startTeamsTestApp({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
  });
  afterAll(() => teams.close());

  let n = 0;
  const id = () => `act-in-${++n}`;
  const alice = { name: 'Alice' };
  const since = (before: number) => teams.connector.calls.slice(before);
  const cardOf = (call: ConnectorCall | undefined) =>
    ((call?.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? [])[0];

  it("answers a message with an Adaptive Card 1.5 reply at the activity's serviceUrl", async () => {
    const before = teams.connector.calls.length;
    const incoming = id();
    const res = await teams.send(
      messageActivity({
        user: alice,
        text: 'how do I reset my password?',
        id: incoming,
        serviceUrl: teams.connector.serviceUrl,
      }),
    );
    expect(res.status).toBe(200);
    const [reply] = since(before);
    expect(reply).toMatchObject({ kind: 'reply', conversationId: personalConversation(alice), replyToId: incoming });
    const attachment = cardOf(reply);
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(JSON.stringify(attachment?.content)).toContain('Reset a forgotten password');
    expect(reply?.activity.summary).toContain('Reset a forgotten password');
    const actions = JSON.stringify(attachment?.content);
    expect(actions).toContain('"type":"Action.Execute"');
    expect(actions).toContain('"type":"Action.Submit"');
  });

  it('answers a press with the same card, its buttons resolved, and the acknowledgement as a message', async () => {
    const before = teams.connector.calls.length;
    await teams.send(
      messageActivity({
        user: alice,
        text: 'vpn keeps disconnecting',
        id: id(),
        serviceUrl: teams.connector.serviceUrl,
      }),
    );
    const card = since(before)[0];
    const shown = cardOf(card)?.content as { body: { type: string; text?: string }[] };
    const helpful = JSON.stringify(shown).match(/"data":\{"tierdesk":\{"action":"not_helpful","value":"([^"]+)"/);
    const value = helpful?.[1] ?? '';
    const press = (pressId: string) =>
      teams.send(
        executeInvokeActivity({
          user: alice,
          id: pressId,
          serviceUrl: teams.connector.serviceUrl,
          replyToId: card?.activityId ?? '',
          verb: 'not_helpful',
          data: { tierdesk: { action: 'not_helpful', value } },
        }),
      );
    const beforePress = teams.connector.calls.length;
    const pressId = id();
    const invoke = await press(pressId);
    expect(invoke.status).toBe(200);
    expect(invoke.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { type: 'AdaptiveCard' },
    });
    // The article stays in the chat: every block it showed but its buttons, and what Alice chose.
    const pressed = (invoke.body as { value: { body: { type: string; text?: string }[] } }).value;
    const texts = (c: typeof shown) => c.body.filter((e) => e.type === 'TextBlock').map((e) => e.text);
    expect(texts(pressed)).toEqual([...texts(shown), expect.stringMatching(/^Alice chose: /)]);
    expect(pressed.body.some((e) => e.type === 'ActionSet')).toBe(false);
    const [ack] = since(beforePress);
    expect(ack).toMatchObject({ kind: 'reply', conversationId: personalConversation(alice), replyToId: pressId });
    expect(String(ack?.activity.summary)).toMatch(/didn't help/);
    // Teams retries an invoke whose answer did not arrive: the retry gets an answer too, and nothing twice.
    const beforeRetry = teams.connector.calls.length;
    const retried = await press(pressId);
    expect(texts((retried.body as { value: typeof shown }).value)[0]).toBe(texts(shown)[0]);
    expect(String(since(beforeRetry)[0]?.activity.summary)).toMatch(/already have your feedback/);

    const beforeSubmit = teams.connector.calls.length;
    await teams.send(
      submitActivity({
        user: alice,
        id: id(),
        serviceUrl: teams.connector.serviceUrl,
        replyToId: card?.activityId ?? '',
        data: { tierdesk: { action: 'talk_to_human', value } },
      }),
    );
    const opened = since(beforeSubmit).find((c) => c.kind === 'reply');
    expect(String(opened?.activity.summary)).toMatch(/opened ticket T-\d+/);
  });

  it('strips the @mention from a channel question', async () => {
    const before = teams.connector.calls.length;
    await teams.send(
      channelMentionActivity({
        user: alice,
        text: 'my mailbox is full',
        id: id(),
        serviceUrl: teams.connector.serviceUrl,
        channel: '19:help@thread.tacv2',
      }),
    );
    const [reply] = since(before);
    expect(reply?.conversationId).toMatch(/^19:help@thread\.tacv2;messageid=/);
    expect(String(reply?.activity.summary)).toContain('Free up space');
  });

  it('replies once to a duplicated activity id', async () => {
    const before = teams.connector.calls.length;
    const activity = messageActivity({
      user: alice,
      text: 'how do I set up the printer',
      id: id(),
      serviceUrl: teams.connector.serviceUrl,
    });
    await teams.send(activity);
    await teams.send(activity);
    expect(since(before).filter((c) => c.kind === 'reply')).toHaveLength(1);
  });

  it('still answers when the conversation could not be remembered (the database hiccupped)', async () => {
    await failNextInsert(teams.app.store, 'conversation_references');
    const before = teams.connector.calls.length;
    const res = await teams.send(
      messageActivity({
        user: { name: 'Bea' },
        text: 'how do I reset my password?',
        id: id(),
        serviceUrl: teams.connector.serviceUrl,
      }),
    );
    expect(res.status).toBe(200);
    const reply = since(before).find((c) => c.kind === 'reply');
    expect(reply).toBeDefined();
    expect(JSON.stringify(cardOf(reply)?.content)).toContain('Reset a forgotten password');
    expect(teams.app.log.lines).toContainEqual(expect.objectContaining({ msg: 'conversation not remembered' }));
  });

  it('answers two people whose messages in their own chats happen to carry the same activity id', async () => {
    const before = teams.connector.calls.length;
    const sameId = id();
    for (const user of [{ name: 'Ann' }, { name: 'Ben' }]) {
      await teams.send(
        messageActivity({
          user,
          text: 'how do I reset my password?',
          id: sameId,
          serviceUrl: teams.connector.serviceUrl,
        }),
      );
    }
    const replies = since(before).filter((c) => c.kind === 'reply');
    expect(replies.map((c) => c.conversationId).sort()).toEqual(
      [personalConversation({ name: 'Ann' }), personalConversation({ name: 'Ben' })].sort(),
    );
  });

  it('welcomes on install and can then post proactively, after the turn has ended', async () => {
    const bob = { name: 'Bob' };
    const before = teams.connector.calls.length;
    await teams.send(installedActivity({ user: bob, id: id(), serviceUrl: teams.connector.serviceUrl }));
    await teams.send(botAddedActivity({ user: bob, id: id(), serviceUrl: teams.connector.serviceUrl }));
    const welcome = since(before);
    expect(welcome).toHaveLength(1);
    expect(String(welcome[0]?.activity.summary)).toMatch(/I'm Tierdesk/);

    // Later, outside any turn: a direct message to Bob and a post into his conversation.
    const outbox = teams.app.outboxes.teams;
    const beforeProactive = teams.connector.calls.length;
    const posted = await outbox?.dm(
      { platform: 'teams', workspace: teamsTenant, userId: userIdOf(bob) },
      { text: 'Your ticket T-9 was updated.' },
    );
    expect(since(beforeProactive)).toEqual([
      expect.objectContaining({
        kind: 'send',
        conversationId: personalConversation(bob),
        activity: expect.objectContaining({ summary: 'Your ticket T-9 was updated.' }),
      }),
    ]);
    await outbox?.update(posted ?? { platform: 'teams', id: '' }, { text: 'Your ticket T-9 was resolved.' });
    const edit = since(beforeProactive).at(-1);
    expect(edit).toMatchObject({
      kind: 'update',
      conversationId: personalConversation(bob),
      activityId: posted?.id.split('/').at(-1),
    });
    // An edit replaces the message; it is not a reply to anything.
    expect(edit?.activity).not.toHaveProperty('replyToId');
  });

  it('backs off and retries when the connector throttles', async () => {
    teams.connector.failNext(429, 2);
    const before = teams.connector.calls.length;
    await teams.send(
      messageActivity({
        user: alice,
        text: 'how do I reset my password?',
        id: id(),
        serviceUrl: teams.connector.serviceUrl,
      }),
    );
    expect(since(before).filter((c) => c.kind === 'reply')).toHaveLength(1);
  });

  it('says loudly at start-up that requests are not authenticated', () => {
    expect(teams.app.adapters).toContain('Teams (/api/messages, UNAUTHENTICATED)');
    expect(teams.app.log.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: expect.stringContaining('TEAMS_ALLOW_UNAUTHENTICATED is on') }),
    );
  });

  it('refuses a body that is not an activity with 400', async () => {
    expect((await teams.send({ hello: 'world' })).status).toBe(400);
  });
});

describe('Teams with credentials', () => {
  // The channel's signing authority and the bot's own token authority, both local fakes: nothing reaches Microsoft.
  let auth: TeamsAuth;
  let identity: IdentityFake;
  let appId: string;
  let teams: TeamsTestApp;
  beforeAll(async () => {
    auth = await startTeamsAuth();
    ({ identity, appId } = auth);
    teams = await startTeamsTestApp(auth.env);
  });
  afterAll(async () => {
    await teams.close();
    await auth.close();
  });

  const activity = (n: string) =>
    messageActivity({
      user: { name: 'Mallory' },
      text: 'how do I reset my password?',
      id: n,
      serviceUrl: teams.connector.serviceUrl,
    });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it.each([
    ['no token', () => ({})],
    [
      'an expired token',
      () => bearer(identity.token({ aud: appId, serviceUrl: teams.connector.serviceUrl, expiresInSeconds: -3600 })),
    ],
    [
      'a token for another bot',
      () =>
        bearer(identity.token({ aud: '99999999-2222-4333-8444-555555555555', serviceUrl: teams.connector.serviceUrl })),
    ],
    [
      'a token signed with an unknown key',
      () => bearer(identity.token({ aud: appId, serviceUrl: teams.connector.serviceUrl }, 'stranger')),
    ],
    [
      'a token for another service URL',
      () => bearer(identity.token({ aud: appId, serviceUrl: 'https://elsewhere.example.com/' })),
    ],
  ])('refuses %s with 401 and handles nothing', async (_case, headers) => {
    const before = teams.connector.calls.length;
    const interactionsBefore = await teams.app.store.db.$count(interactions);
    const res = await teams.send(activity(`denied-${_case}`), headers());
    expect(res.status).toBe(401);
    expect(teams.connector.calls.length).toBe(before);
    expect(await teams.app.store.db.$count(interactions)).toBe(interactionsBefore);
  });

  it('accepts a correctly signed request and handles it', async () => {
    const res = await teams.send(
      activity('signed-1'),
      bearer(identity.token({ aud: appId, serviceUrl: teams.connector.serviceUrl })),
    );
    expect(res.status).toBe(200);
    expect(await teams.app.store.db.$count(interactions)).toBe(1);
    const [reply] = teams.connector.calls;
    expect(reply?.kind).toBe('reply');
    expect(reply?.authorization).toMatch(/^Bearer /);
  });
});
