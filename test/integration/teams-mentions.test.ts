import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPerson } from '../../src/store/people.ts';
import {
  accountOf,
  channelMentionActivity,
  teamsIdentity as identity,
  mentionText,
  messageActivity,
  teamsTenant,
  userIdOf,
} from '../fixtures/teams-activities.ts';
import { startTeamsTestApp, type TeamsTestApp } from '../support/teams-app.ts';

const ann = { name: 'Ann' };
const lee = { name: 'Lee Chen' };

/** People are named on Teams by mentioning them: the desk takes the mention's person, never a typed name. */
describe('Teams mentions of people', () => {
  let teams: TeamsTestApp;
  let n = 0;
  beforeAll(async () => {
    teams = await startTeamsTestApp({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', ADMINS: identity(ann) });
    teams.connector.members.set(accountOf(lee).id, accountOf(lee));
  });
  afterAll(() => teams.close());

  const replyTo = async (activity: unknown) => {
    const before = teams.connector.calls.length;
    await teams.send(activity);
    return teams.connector.calls.slice(before).map((c) => String(c.activity.summary ?? c.activity.text ?? ''));
  };
  const serviceUrl = () => teams.connector.serviceUrl;

  it('adds the mentioned person in a channel, by their Entra object id, whatever follows the mention', async () => {
    const replies = await replyTo(
      channelMentionActivity({
        user: ann,
        // Teams puts a non-breaking space after a mention.
        text: `staff add ${mentionText(lee)}&nbsp;tier1`,
        id: `m-${++n}`,
        serviceUrl: serviceUrl(),
        channel: '19:it-help@thread.tacv2',
        mentioning: [lee],
      }),
    );
    expect(replies.join('\n')).toMatch(/is now on the help desk as agent, tier1/);
    const added = await findPerson(teams.app.store.db, {
      platform: 'teams',
      workspace: teamsTenant,
      userId: userIdOf(lee),
    });
    expect(added).toMatchObject({ role: 'agent', tier: 'tier1' });
  });

  it('takes a mention in a 1:1 chat too', async () => {
    const replies = await replyTo(
      messageActivity({
        user: ann,
        text: `staff add ${mentionText(lee)} tier2`,
        id: `m-${++n}`,
        serviceUrl: serviceUrl(),
        mentioning: [lee],
      }),
    );
    expect(replies.join('\n')).toMatch(/as agent, tier2/);
    const added = await findPerson(teams.app.store.db, {
      platform: 'teams',
      workspace: teamsTenant,
      userId: userIdOf(lee),
    });
    expect(added?.tier).toBe('tier2');
  });

  it('never stores a person from a typed name, and says how to name someone', async () => {
    const replies = await replyTo(
      messageActivity({ user: ann, text: 'staff add @lee tier1', id: `m-${++n}`, serviceUrl: serviceUrl() }),
    );
    expect(replies.join('\n')).toMatch(/couldn't tell who "@lee" is\. Mention them .* Teams links it/);
    expect(
      await findPerson(teams.app.store.db, { platform: 'teams', workspace: teamsTenant, userId: 'lee' }),
    ).toBeUndefined();
  });

  it('keeps the words of a question that mentions a colleague, and answers it', async () => {
    const replies = await replyTo(
      channelMentionActivity({
        user: ann,
        text: `${mentionText(lee)}&nbsp;and I can&#39;t reset my password`,
        id: `m-${++n}`,
        serviceUrl: serviceUrl(),
        channel: '19:it-help@thread.tacv2',
        mentioning: [lee],
      }),
    );
    expect(replies.join('\n')).toContain('Reset a forgotten password');
  });

  it('does not take a mention Teams cannot resolve for someone', async () => {
    const stranger = { name: 'Pat Doe' };
    const replies = await replyTo(
      channelMentionActivity({
        user: ann,
        text: `staff add ${mentionText(stranger)} tier1`,
        id: `m-${++n}`,
        serviceUrl: serviceUrl(),
        channel: '19:it-help@thread.tacv2',
        mentioning: [stranger],
      }),
    );
    expect(replies.join('\n')).not.toMatch(/added/i);
    const stored = await findPerson(teams.app.store.db, {
      platform: 'teams',
      workspace: teamsTenant,
      userId: userIdOf(stranger),
    });
    expect(stored).toBeUndefined();
  });
});
