import { afterEach, describe, expect, it } from 'vitest';
import { connectorText as textOf } from '../fakes/bot-connector.ts';
import {
  channelMentionActivity,
  teamsIdentity as identity,
  messageActivity,
  personalConversation,
} from '../fixtures/teams-activities.ts';
import { startTeamsTestApp, type TeamsTestApp } from '../support/teams-app.ts';

const ann = { name: 'Ann' };
const ben = { name: 'Ben' };
const rita = { name: 'Rita' };
/** A channel of its own in a team, not the team's General channel (whose id is the team's). */
const triage = '19:8f3a2c1e-triage@thread.tacv2';

/** A queue in any channel: the lead finds its id with `queue here`, cards go there, threads under them work. */
describe('Teams queues in a channel that is not General', () => {
  let teams: TeamsTestApp;
  let n = 0;
  afterEach(() => teams.close());

  const start = async (env: Record<string, string> = {}) => {
    teams = await startTeamsTestApp({
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      ADMINS: identity(ann),
      ...env,
    });
  };
  const since = (before: number) => teams.connector.calls.slice(before);
  const inChannel = (o: { user: { name: string }; text: string; thread?: string; mentionsBot?: boolean }) =>
    teams.send(
      channelMentionActivity({ ...o, id: `c-${++n}`, serviceUrl: teams.connector.serviceUrl, channel: triage }),
    );
  const inChat = (user: { name: string }, text: string) =>
    teams.send(messageActivity({ user, text, id: `d-${++n}`, serviceUrl: teams.connector.serviceUrl }));

  it('tells a lead the channel id to use, makes it a queue, and posts cards there that threads reply under', async () => {
    await start();
    await inChat(ben, 'hello');
    await inChat(ann, `staff add ${identity(ben)} tier1`);

    let before = teams.connector.calls.length;
    await inChannel({ user: ann, text: 'queue here' });
    expect(textOf(since(before)[0])).toContain(`teams:${triage}`);

    before = teams.connector.calls.length;
    await inChannel({ user: ann, text: 'queue here tier1' });
    expect(textOf(since(before)[0])).toContain(`The tier1 queue is now teams:${triage}`);

    before = teams.connector.calls.length;
    await inChat(rita, 'ticket my laptop will not charge');
    const card = since(before).find((c) => c.kind === 'send');
    // A new post in the channel itself (a thread of its own), not a reply in the thread `queue here` was typed in.
    expect(card?.conversationId).toBe(triage);
    expect(textOf(card)).toMatch(/T-1/);

    // Ben answers under the card, without @mentioning the bot: it reaches Rita in her chat.
    before = teams.connector.calls.length;
    await inChannel({
      user: ben,
      text: 'Is it plugged into the dock or the wall?',
      thread: card?.activityId ?? '',
      mentionsBot: false,
    });
    const toRita = since(before).filter((c) => c.conversationId === personalConversation(rita));
    expect(toRita.map(textOf).join('\n')).toContain('Is it plugged into the dock or the wall?');
    // Talk in the channel that is not under a card and not to the bot gets no answer.
    before = teams.connector.calls.length;
    await inChannel({ user: ben, text: 'lunch at noon?', mentionsBot: false });
    expect(since(before)).toEqual([]);
  });

  it('posts to a channel named in QUEUE_TIER1 once the bot has seen any thread in it', async () => {
    await start({ QUEUE_TIER1: `teams:${triage}` });
    // Someone asks the bot something in that channel: the bot now knows how to reach it.
    await inChannel({ user: ben, text: 'how do I reset my password?' });
    const before = teams.connector.calls.length;
    await inChat(rita, 'ticket the printer on floor 3 jams');
    const card = since(before).find((c) => c.kind === 'send');
    expect(card?.conversationId).toBe(triage);
  });

  it('keeps `queue here` to the help desk, and moving a queue to admins and leads', async () => {
    await start();
    let before = teams.connector.calls.length;
    await inChannel({ user: rita, text: 'queue here' });
    expect(textOf(since(before)[0])).toMatch(/only the help desk/);
    await inChat(ann, `staff add ${identity(ben)} tier1`);
    before = teams.connector.calls.length;
    await inChannel({ user: ben, text: 'queue here tier1' });
    expect(textOf(since(before)[0])).toMatch(/only admins and leads/);
  });
});
