import { afterEach, describe, expect, it } from 'vitest';
import { OutboxError } from '../../src/outbox.ts';
import { connectorText as textOf } from '../fakes/bot-connector.ts';
import {
  teamsIdentity as identity,
  messageActivity,
  personalConversation,
  teamInstalledActivity,
  teamsTenant,
  userIdOf,
} from '../fixtures/teams-activities.ts';
import { startTeamsTestApp, type TeamsTestApp } from '../support/teams-app.ts';

const ann = { name: 'Ann' };
const ben = { name: 'Ben' };
const rita = { name: 'Rita' };
const queue = '19:5d1e-help-desk@thread.tacv2';

/** What the Bot Connector refuses reaches the person who acted, the ticket's history and `queue list`. */
describe('Teams proactive failures', () => {
  let teams: TeamsTestApp;
  let n = 0;
  afterEach(() => teams.close());

  const start = async () => {
    teams = await startTeamsTestApp({
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      ADMINS: identity(ann),
      QUEUE_TIER1: `teams:${queue}`,
    });
    await install();
  };
  const install = () =>
    teams.send(
      teamInstalledActivity({
        user: ann,
        id: `i-${++n}`,
        serviceUrl: teams.connector.serviceUrl,
        channel: queue,
        teamName: 'Help desk',
      }),
    );
  const since = (before: number) => teams.connector.calls.slice(before);
  /** What the bot answered `user` in their 1:1 chat. */
  const say = async (user: { name: string }, text: string) => {
    const before = teams.connector.calls.length;
    await teams.send(messageActivity({ user, text, id: `d-${++n}`, serviceUrl: teams.connector.serviceUrl }));
    return since(before)
      .filter((c) => c.kind === 'reply' && c.conversationId === personalConversation(user))
      .map(textOf)
      .join('\n');
  };

  it('tells the agent a blocked requester was not told, records it, and does not keep trying', async () => {
    await start();
    await say(ann, `staff add ${identity(ben)} tier1`);
    await say(ben, 'hello');
    expect(await say(rita, 'ticket my laptop will not charge')).toMatch(/T-1/);
    expect(await say(ben, 'claim T-1')).toMatch(/T-1 is yours now/);

    // Rita blocks the bot's chat: every post or edit there is refused with 403 ConversationBlockedByUser.
    teams.connector.failNext(403, 100, {
      conversationId: personalConversation(rita),
      code: 'ConversationBlockedByUser',
    });
    const reply = await say(ben, 'resolve T-1 replaced the charger');
    expect(reply).toMatch(/T-1 is resolved\./);
    expect(reply).not.toMatch(/has been told/);
    expect(reply).toMatch(/requester could not be reached on Teams \(they have blocked the chat with the bot\)/);
    expect(await say(ben, 'history T-1')).toMatch(
      /the requester could not be reached: on Teams, they have blocked the chat with the bot/,
    );

    // Not kept for a retry: the outbox job tries nothing for Rita again.
    const refused = teams.connector.refused.length;
    await teams.app.runJob('outbox-retry');
    expect(teams.connector.refused.length).toBe(refused);
  });

  it('marks a queue whose team removed the app, stops posting there, and posts again once it is back', async () => {
    await start();
    teams.connector.failNext(403, 100, { conversationId: queue, code: 'BotNotInConversationRoster' });
    await say(rita, 'ticket the printer on floor 3 jams');
    expect(teams.connector.refused.filter((r) => r.conversationId === queue)).toHaveLength(1);
    expect(await say(ann, 'queue list')).toMatch(
      new RegExp(`tier1: teams:${queue.replace(/[.]/g, '\\.')} ⚠️ the app was removed there \\(bot_removed\\)`),
    );
    // Another ticket: no post is even tried where the app is gone.
    await say(rita, 'ticket the scanner is offline');
    expect(teams.connector.refused.filter((r) => r.conversationId === queue)).toHaveLength(1);

    // The team adds the app back: the next card goes out, and the queue reads as fine.
    teams.connector.failNext(0, 0);
    await install();
    const before = teams.connector.calls.length;
    await say(rita, 'ticket the projector in room 2 flickers');
    expect(since(before).some((c) => c.kind === 'send' && c.conversationId === queue)).toBe(true);
    expect(await say(ann, 'queue list')).not.toMatch(/bot_removed/);
  });

  it('opens a 1:1 chat with someone who never wrote to the bot, and says when Teams will not', async () => {
    await start();
    const outbox = teams.app.outboxes.teams;
    const lee = { platform: 'teams', workspace: teamsTenant, userId: userIdOf({ name: 'Lee' }) };
    const before = teams.connector.calls.length;
    const posted = await outbox?.dm(lee, { text: 'You are on the help desk now.' });
    const [create, send] = since(before);
    expect(create).toMatchObject({
      kind: 'create',
      activity: expect.objectContaining({ isGroup: false, members: [{ id: lee.userId }], tenantId: teamsTenant }),
    });
    expect(send).toMatchObject({ kind: 'send', conversationId: create?.conversationId });
    expect(textOf(send)).toBe('You are on the help desk now.');
    // Next time the chat is known: no second create.
    await outbox?.dm(lee, { text: 'A ticket waits for you.' });
    expect(since(before).filter((c) => c.kind === 'create')).toHaveLength(1);
    expect(posted?.id.startsWith(`${create?.conversationId}/`)).toBe(true);

    // The app is not installed for Pat: Teams refuses to create the chat.
    teams.connector.failNext(403, 1, { kind: 'create', code: 'Forbidden' });
    const pat = { ...lee, userId: userIdOf({ name: 'Pat' }) };
    const failed = await outbox?.dm(pat, { text: 'Hello' }).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(OutboxError);
    expect(failed).toMatchObject({ problem: 'never_talked', retryable: false });
  });
});
