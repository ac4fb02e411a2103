import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeTeam, type SlackCall } from '../fakes/slack-api.ts';
import { ephemeralBlockActionsPayload } from '../fixtures/slack-ephemeral-payloads.ts';
import { blockActionsPayload, channelMessageEnvelope, slashCommandForm } from '../fixtures/slack-payloads.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';

type Blocks = { type: string; elements?: { action_id: string; value?: string; text: { text: string } }[] }[];
const blocksOf = (call: SlackCall | undefined) => (call?.args.blocks ?? []) as Blocks;
const buttonsOf = (blocks: Blocks) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

/** A help desk's day in a real Slack workspace: queue cards, private answers, tickets from slash commands. */
describe('Slack: the help desk’s daily flow', () => {
  let slack: SlackTestApp;
  let n = 0;
  beforeAll(async () => {
    slack = await startSlackTestApp({ QUEUE_TIER1: 'slack:C0QUEUE', ADMINS: `slack:${fakeTeam.id}:U0ADMIN` });
  });
  afterAll(() => slack.close());

  const command = async (user: string, text: string, channel = 'C0GENERAL') => {
    const res = await slack.command(
      slashCommandForm({ user, text, channel, triggerId: `trig-${++n}`, responseUrl: slack.api.responseUrl(`c${n}`) }),
    );
    return res.json<{ text: string; blocks?: Blocks }>();
  };
  const ticketFrom = (text: string) => Number(/T-(\d+)/.exec(text)?.[1]);
  const card = (id: number) =>
    slack.api
      .callsTo('chat.postMessage')
      .find((c) => c.args.channel === 'C0QUEUE' && String(c.args.text).includes(`T-${id} `));
  const edits = (of: SlackCall | undefined, since: number) =>
    slack.api.calls.slice(since).filter((c) => c.method === 'chat.update' && c.args.ts === of?.ts);
  const pressOnCard = async (user: string, posted: SlackCall | undefined, label: RegExp) => {
    const latest = [posted, ...slack.api.callsTo('chat.update').filter((c) => c.args.ts === posted?.ts)].at(-1);
    const button = buttonsOf(blocksOf(latest)).find((b) => label.test(b.text.text));
    expect(button, `a ${label} button on the card`).toBeDefined();
    const before = slack.api.calls.length;
    await slack.interaction(
      blockActionsPayload({
        user,
        channel: 'C0QUEUE',
        messageTs: posted?.ts ?? '',
        blocks: blocksOf(latest),
        text: String(latest?.args.text),
        actionId: button?.action_id ?? '',
        value: button?.value ?? '',
        label: button?.text.text ?? '',
        responseUrl: slack.api.responseUrl(`card-${before}`),
      }),
    );
    return before;
  };

  it('keeps a pressed queue card as the desk re-draws it: no stale copy, no "chose", buttons that still work', async () => {
    const id = ticketFrom((await command('U0RAY', 'ticket Monitor flickers')).text);
    const posted = card(id);
    expect(posted).toBeDefined();

    // A requester cannot claim: the card is untouched and keeps its buttons.
    const refused = await pressOnCard('U0RAY', posted, /^Claim$/);
    expect(edits(posted, refused)).toEqual([]);

    // Assign… only prompts for the command: the card stays as it is.
    const prompted = await pressOnCard('U0ADMIN', posted, /^Assign/);
    expect(edits(posted, prompted)).toEqual([]);

    const claimed = await pressOnCard('U0ADMIN', posted, /^Claim$/);
    const after = edits(posted, claimed);
    expect(after.length).toBeGreaterThan(0);
    const last = after.at(-1);
    expect(String(last?.args.text)).toMatch(/In progress/);
    expect(JSON.stringify(after)).not.toMatch(/chose: Claim|New — waiting/);
    expect(buttonsOf(blocksOf(last)).map((b) => b.text.text)).toEqual(['Assign…', 'Escalate…', 'Resolve…']);
  });

  it('marks an answer settled by its own asker, and leaves it alone when someone else presses it', async () => {
    await slack.event(
      channelMessageEnvelope({
        user: 'U0ASKER',
        text: '<@U0BOT> how do I reset my password?',
        ts: '1710000001.000001',
        eventId: 'EvAsk',
        channel: 'C0HELPDESK',
      }),
    );
    const answer = slack.api.callsTo('chat.postMessage').at(-1);
    const helpful = buttonsOf(blocksOf(answer)).find((b) => /Helpful/.test(b.text.text));
    const pressAs = async (user: string) => {
      const before = slack.api.calls.length;
      await slack.interaction(
        blockActionsPayload({
          user,
          channel: 'C0HELPDESK',
          messageTs: answer?.ts ?? '',
          threadTs: String(answer?.args.thread_ts),
          blocks: blocksOf(answer),
          text: String(answer?.args.text),
          actionId: helpful?.action_id ?? '',
          value: helpful?.value ?? '',
          label: helpful?.text.text ?? '',
          responseUrl: slack.api.responseUrl(`h-${before}`),
        }),
      );
      return edits(answer, before);
    };
    expect(await pressAs('U0OTHER')).toEqual([]);
    expect(JSON.stringify(await pressAs('U0ASKER'))).toContain('<@U0ASKER> chose: 👍 Helpful');
  });

  it('answers a press on a private answer privately, and follows up a ticket from it in the DM', async () => {
    const answer = await command('U0SAM', 'ask how do I reset my password?');
    const helpful = buttonsOf(answer.blocks ?? []).find((b) => /Helpful/.test(b.text.text));
    const talk = buttonsOf(answer.blocks ?? []).find((b) => /human/.test(b.text.text));
    const press = async (button: typeof helpful) => {
      const before = slack.api.calls.length;
      await slack.interaction(
        ephemeralBlockActionsPayload({
          user: 'U0SAM',
          channel: 'C0GENERAL',
          messageTs: '1710000000.000900',
          actionId: button?.action_id ?? '',
          value: button?.value ?? '',
          label: button?.text.text ?? '',
          responseUrl: slack.api.responseUrl(`eph-${before}`),
        }),
      );
      return slack.api.calls.slice(before);
    };
    // The whole article comes below the private answer, which stays as it was, its buttons usable.
    const full = buttonsOf(answer.blocks ?? []).find((b) => b.text.text === 'Show the steps');
    const shown = (await press(full)).filter((c) => c.method === 'response_url');
    expect(shown.map((c) => [c.args.replace_original, c.args.response_type])).toEqual([[false, 'ephemeral']]);
    expect(String(shown[0]?.args.text)).toContain('It must be at least 14 characters');

    const thanked = await press(helpful);
    expect(thanked.filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    expect(thanked.filter((c) => c.method === 'response_url').map((c) => c.args)).toEqual([
      expect.objectContaining({
        replace_original: true,
        response_type: 'ephemeral',
        text: expect.stringMatching(/glad/),
      }),
    ]);

    const opened = await press(talk);
    expect(opened.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0GENERAL')).toEqual([]);
    const reply = opened.find((c) => c.method === 'response_url');
    expect(String(reply?.args.text)).toMatch(/opened ticket T-\d+ for you: .* reply in your direct messages/);

    const id = ticketFrom(String(reply?.args.text));
    const before = slack.api.calls.length;
    await command('U0ADMIN', `resolve T-${id} Reset link sent`, 'C0QUEUE');
    const told = slack.api.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(told.filter((c) => c.args.channel === 'C0GENERAL')).toEqual([]);
    expect(told.find((c) => c.args.channel === 'U0SAM')?.args.text).toMatch(new RegExp(`T-${id} is resolved`));
  });

  it('reports a ticket opened by /support in a channel to the requester’s DM, and says so', async () => {
    const ack = await command('U0KIM', 'ticket Keyboard keys stick');
    expect(ack.text).toMatch(/The help desk will reply in your direct messages with me/);
    const id = ticketFrom(ack.text);
    const before = slack.api.calls.length;
    await command('U0ADMIN', `wait T-${id} Which keys?`, 'C0QUEUE');
    await command('U0ADMIN', `resolve T-${id} New keyboard sent`, 'C0QUEUE');
    const told = slack.api.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(told.filter((c) => c.args.channel === 'C0GENERAL')).toEqual([]);
    expect(told.filter((c) => c.args.channel === 'U0KIM').map((c) => String(c.args.text))).toEqual([
      expect.stringMatching(/question about T-\d+/),
      expect.stringMatching(/is resolved/),
      // …and how it went, in the same DM.
      expect.stringMatching(/How did we do on T-\d+\?/),
    ]);
  });
});

describe('Slack: interactions that are not the desk’s', () => {
  let slack: SlackTestApp;
  beforeAll(async () => {
    slack = await startSlackTestApp();
  });
  afterAll(() => slack.close());

  it('acknowledges another app’s button, an unknown shortcut and a foreign view at once, and changes nothing', async () => {
    const before = slack.api.calls.length;
    const button = await slack.interaction(
      blockActionsPayload({
        user: 'U0OTHER',
        channel: 'C0GENERAL',
        messageTs: '1710000000.000001',
        blocks: [],
        text: 'another app’s message',
        actionId: 'approve_expense',
        value: '42',
        label: 'Approve',
        responseUrl: slack.api.responseUrl('other'),
      }),
    );
    const shortcut = await slack.interaction({
      type: 'shortcut',
      token: 'legacy-verification-token',
      action_ts: '1710000000.000002',
      team: { id: fakeTeam.id, domain: fakeTeam.domain },
      user: { id: 'U0OTHER', username: 'other', team_id: fakeTeam.id },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: 'some_other_shortcut',
      trigger_id: 'trig-other',
    });
    expect([button.status, shortcut.status]).toEqual([200, 200]);
    // Bolt may look itself up (auth.test) on a first request; nothing is posted, opened or edited.
    expect(slack.api.calls.slice(before).filter((c) => !['users.info', 'auth.test'].includes(c.method))).toEqual([]);
  });
});
