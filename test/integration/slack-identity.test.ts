import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/store/schema.ts';
import { fakeTeam } from '../fakes/slack-api.ts';
import { orgHomeOpenedEnvelope, orgMessageEnvelope, orgViewSubmissionPayload } from '../fixtures/slack-org-payloads.ts';
import { blockActionsPayload, slashCommandForm } from '../fixtures/slack-payloads.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';

/** One person is one identity, however Slack routes their requests to the desk. */
describe('Slack: one person, one identity', () => {
  let slack: SlackTestApp;
  let n = 0;
  const ts = () => `1730000000.${String(++n).padStart(6, '0')}`;
  beforeAll(async () => {
    slack = await startSlackTestApp({ ADMINS: `slack:${fakeTeam.id}:U0ADMIN,slack:E0ORG:W0LEAD` });
  });
  afterAll(() => slack.close());

  const ticketFromLastPost = () => /T-\d+/.exec(String(slack.api.callsTo('chat.postMessage').at(-1)?.args.text))?.[0];
  const homeOf = async (envelope: unknown) => {
    await slack.event(envelope);
    return JSON.stringify(slack.api.callsTo('views.publish').at(-1)?.args.view);
  };
  /** The person's "Talk to a human" on the answer just posted for them. */
  const talkToHuman = async (user: string, userTeam: string, enterprise?: string) => {
    const answer = slack.api.callsTo('chat.postMessage').at(-1);
    const blocks = (answer?.args.blocks ?? []) as {
      type: string;
      elements?: { action_id?: string; value?: string }[];
    }[];
    const talk = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('tierdesk:talk_to_human'));
    const payload = blockActionsPayload({
      user,
      channel: String(answer?.args.channel),
      messageTs: answer?.ts ?? '',
      blocks: [],
      text: '',
      actionId: talk?.action_id ?? '',
      value: talk?.value ?? '',
      label: 'Talk to a human',
      responseUrl: slack.api.responseUrl(`t${++n}`),
    });
    await slack.interaction({
      ...payload,
      user: { ...payload.user, team_id: userTeam },
      ...(enterprise ? { enterprise: { id: enterprise, name: 'Example Org' }, is_enterprise_install: true } : {}),
    });
  };

  it('keeps a Slack Connect guest’s tickets together, by message and by form', async () => {
    const guest = { user: 'U0GUEST', userTeam: 'T0PARTNER' };
    await slack.event(
      orgMessageEnvelope({
        ...guest,
        text: 'the shared drive is read-only',
        ts: ts(),
        eventId: `Ev${n}`,
        channel: 'DU0GUEST',
      }),
    );
    await talkToHuman(guest.user, guest.userTeam);
    const byMessage = ticketFromLastPost();
    await slack.interaction(orgViewSubmissionPayload({ ...guest, viewId: 'V-guest', subject: 'Cannot join the call' }));
    const byForm = ticketFromLastPost();
    expect(byMessage).toMatch(/T-\d+/);
    expect(byForm).toMatch(/T-\d+/);
    const rows = (await slack.app.store.db.select().from(people)).filter((p) => p.userId === 'U0GUEST');
    expect(rows.map((p) => p.workspace)).toEqual(['T0PARTNER']);
    const home = await homeOf(orgHomeOpenedEnvelope({ ...guest, installation: 'T0PARTNER', eventId: `EvH${n}` }));
    expect(home).toContain(`${byMessage}`);
    expect(home).toContain(`${byForm}`);
  });

  it('sees an org member’s tickets from every workspace of the org, and knows an org admin anywhere', async () => {
    const member = { user: 'W0MEMBER', enterprise: 'E0ORG' };
    await slack.event(
      orgMessageEnvelope({
        ...member,
        userTeam: 'T0EAST',
        installation: 'T0EAST',
        text: 'laptop will not charge',
        ts: ts(),
        eventId: `Ev${n}`,
        channel: 'DW0MEMBER',
      }),
    );
    await talkToHuman(member.user, 'T0EAST', member.enterprise);
    const id = ticketFromLastPost();
    const home = await homeOf(
      orgHomeOpenedEnvelope({ ...member, userTeam: 'T0WEST', installation: 'T0WEST', eventId: `EvG${n}` }),
    );
    expect(home).toContain(`${id}`);
    // The admin named by the org id is one in any of its workspaces.
    const ack = await slack.command(
      new URLSearchParams({
        ...Object.fromEntries(
          new URLSearchParams(
            slashCommandForm({
              user: 'W0LEAD',
              text: 'staff list',
              triggerId: 'tg',
              responseUrl: slack.api.responseUrl('g'),
            }),
          ),
        ),
        team_id: 'T0WEST',
        enterprise_id: 'E0ORG',
      }).toString(),
    );
    expect(ack.json<{ text: string }>().text).toMatch(/^The help desk:/);
  });

  it('knows the desk’s admin in a channel a partner created', async () => {
    await slack.event(
      orgMessageEnvelope({
        user: 'U0ADMIN',
        userTeam: fakeTeam.id,
        installation: 'T0PARTNER',
        text: `<@U0BOT> staff list`,
        ts: ts(),
        eventId: `Ev${n}`,
        channel: 'C0SHARED',
      }),
    );
    expect(String(slack.api.callsTo('chat.postMessage').at(-1)?.args.text)).toMatch(/^The help desk:/);
  });

  it('adopts a person stored the old way, by the installation: the same row, so their tickets stay theirs', async () => {
    // Before people were keyed by their home, a guest in a shared channel was stored under the installation.
    await slack.app.store.db
      .insert(people)
      .values({ platform: 'slack', workspace: fakeTeam.id, userId: 'U0OLD', displayName: 'Olga' });
    await slack.event(
      orgMessageEnvelope({
        user: 'U0OLD',
        userTeam: 'T0PARTNER',
        text: 'hi',
        ts: ts(),
        eventId: `Ev${n}`,
        channel: 'DU0OLD',
      }),
    );
    const rows = (await slack.app.store.db.select().from(people)).filter((p) => p.userId === 'U0OLD');
    expect(rows.map((p) => [p.workspace, p.displayName])).toEqual([['T0PARTNER', 'person-u0old']]);
  });
});
