import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactions, tickets } from '../../src/store/schema.ts';
import { fakeTeam, type SlackCall } from '../fakes/slack-api.ts';
import {
  appHomeOpenedEnvelope,
  appMentionEnvelope,
  blockActionsPayload,
  channelMessageEnvelope,
  globalShortcutPayload,
  messageImEnvelope,
  slashCommandForm,
} from '../fixtures/slack-payloads.ts';
import { viewSubmissionPayload } from '../fixtures/slack-view-submission.ts';
import { deskJourneys } from '../journeys/desk-journeys.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';
import { createSlackDriver } from '../support/slack-driver.ts';
import { nowSeconds } from '../support/slack-signing.ts';

deskJourneys('Slack', (options) => createSlackDriver(options));

describe('Slack adapter over HTTP', () => {
  let slack: SlackTestApp;
  beforeAll(async () => {
    slack = await startSlackTestApp({
      SLACK_SUPPORT_CHANNELS: 'C0HELP',
      QUEUE_TIER1: 'slack:C0QUEUE',
      ADMINS: `slack:${fakeTeam.id}:U0ADMIN`,
    });
  });
  afterAll(() => slack.close());

  const posts = (since: number) => slack.api.calls.slice(since).filter((c) => c.method === 'chat.postMessage');
  const blocksOf = (call: SlackCall | undefined) =>
    (call?.args.blocks ?? []) as {
      type: string;
      elements?: { action_id: string; value: string; text: { text: string } }[];
    }[];
  let n = 0;
  const ts = () => `1710000000.${String(++n).padStart(6, '0')}`;
  const ticketsWithSubject = (subject: string) => slack.app.store.db.$count(tickets, eq(tickets.subject, subject));
  /** A direct message from `user`, as Slack delivers it; returns its timestamp. */
  const dm = async (user: string, text: string) => {
    const at = ts();
    await slack.event(messageImEnvelope({ user, text, ts: at, eventId: `Ev${at}` }));
    return at;
  };

  /** Presses the button whose action id starts with `prefix` on a posted message; returns the calls it caused. */
  const press = async (user: string, message: SlackCall | undefined, prefix: string) => {
    const button = blocksOf(message)
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.action_id.startsWith(prefix));
    expect(button, `a ${prefix} button`).toBeDefined();
    const before = slack.api.calls.length;
    await slack.interaction(
      blockActionsPayload({
        user,
        channel: String(message?.args.channel),
        messageTs: message?.ts ?? '',
        ...(message?.args.thread_ts ? { threadTs: String(message.args.thread_ts) } : {}),
        blocks: blocksOf(message),
        text: String(message?.args.text),
        actionId: button?.action_id ?? '',
        value: button?.value ?? '',
        label: button?.text.text ?? '',
        responseUrl: slack.api.responseUrl(`press-${before}`),
      }),
    );
    return slack.api.calls.slice(before);
  };

  it('answers a DM in the thread of the question, with blocks and a text fallback', async () => {
    const before = slack.api.calls.length;
    const at = ts();
    const res = await slack.event(
      messageImEnvelope({ user: 'U0ALICE', text: 'how do I reset my password?', ts: at, eventId: `Ev${at}` }),
    );
    expect(res.status).toBe(200);
    const [answer] = posts(before);
    expect(answer?.args).toMatchObject({ channel: 'D' + 'U0ALICE', thread_ts: at });
    expect(answer?.args.text).toContain('Reset a forgotten password');
    expect(blocksOf(answer)[0]).toMatchObject({
      type: 'section',
      text: { type: 'mrkdwn', text: expect.stringContaining('*Reset a forgotten password*') },
    });
    const buttons = blocksOf(answer).find((b) => b.type === 'actions')?.elements ?? [];
    expect(buttons.map((b) => b.text.text)).toEqual([
      '👍 Helpful',
      '👎 Not helpful',
      'Talk to a human',
      'Show the steps',
    ]);
    // The asker's name came from users.info.
    expect(slack.api.callsTo('users.info').at(-1)?.args.user).toBe('U0ALICE');
  });

  it('turns 👎 then "talk to a human" into a ticket in the same thread, announced in the Slack queue', async () => {
    const at = ts();
    await slack.event(
      messageImEnvelope({ user: 'U0BOB', text: 'vpn keeps disconnecting', ts: at, eventId: `Ev${at}` }),
    );
    const answer = slack.api.calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === at).at(-1);
    const afterDown = await press('U0BOB', answer, 'tierdesk:not_helpful');
    // The pressed message keeps its text, loses its buttons, and says what was chosen.
    const marked = afterDown.find((c) => c.method === 'chat.update');
    expect(marked?.args).toMatchObject({ channel: 'DU0BOB', ts: answer?.ts });
    expect(JSON.stringify(marked?.args.blocks)).toContain('<@U0BOB> chose: 👎 Not helpful');
    expect(blocksOf(marked).some((b) => b.type === 'actions')).toBe(false);
    const offer = afterDown.find((c) => c.method === 'chat.postMessage');
    expect(offer?.args).toMatchObject({ channel: 'DU0BOB', thread_ts: at });

    const afterTalk = await press('U0BOB', offer, 'tierdesk:talk_to_human');
    const opened = afterTalk.filter((c) => c.method === 'chat.postMessage');
    const confirmation = opened.find((c) => c.args.channel === 'DU0BOB');
    expect(confirmation?.args).toMatchObject({ thread_ts: at });
    expect(confirmation?.args.text).toMatch(/opened ticket T-\d+/);
    const queueCard = opened.find((c) => c.args.channel === 'C0QUEUE');
    expect(queueCard?.args.text).toMatch(/T-\d+ from person-u0bob: vpn keeps disconnecting/);
  });

  it('attaches the thread to the ticket and edits one status message when asked again', async () => {
    const first = ts();
    await slack.event(
      // Not Bob's wording: he said the VPN article did not help with that one, so it is no longer answered so.
      messageImEnvelope({
        user: 'U0JILL',
        text: 'my vpn connection drops every few minutes',
        ts: first,
        eventId: `Ev${first}`,
      }),
    );
    const followUp = ts();
    await slack.event(
      messageImEnvelope({
        user: 'U0JILL',
        text: 'still cannot reach the file share',
        ts: followUp,
        eventId: `Ev${followUp}`,
        threadTs: first,
      }),
    );
    const inThread = slack.api.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === first);
    expect(inThread).toHaveLength(2);
    await press('U0JILL', inThread[1], 'tierdesk:talk_to_human');
    const status = slack.api
      .callsTo('chat.postMessage')
      .find((c) => c.args.thread_ts === first && /opened ticket T-\d+/.test(String(c.args.text)));
    expect(status).toBeDefined();
    const ref = /T-(\d+)/.exec(String(status?.args.text));
    const [ticket] = await slack.app.store.db
      .select()
      .from(tickets)
      .where(eq(tickets.id, Number(ref?.[1])));
    expect(ticket?.description).toContain(
      'Earlier in this conversation:\n- "my vpn connection drops every few minutes" → Connect to the VPN',
    );
    expect(ticket?.statusMessage).toEqual({ platform: 'slack', id: `DU0JILL/${status?.ts}` });

    const after = await press('U0JILL', inThread[1], 'tierdesk:talk_to_human');
    const edited = after.find((c) => c.method === 'chat.update' && c.args.ts === status?.ts);
    expect(edited?.args.text).toContain(`${ref?.[0]}: still cannot reach the file share`);
    const posted = after.filter((c) => c.method === 'chat.postMessage');
    expect(posted.map((c) => c.args.text)).toEqual([
      expect.stringMatching(/already have ticket T-\d+.*kept up to date/),
    ]);
  });

  it("sends a help-desk reply written in the queue card's thread to the requester, and ignores other thread talk", async () => {
    await slack.command(
      slashCommandForm({
        user: 'U0KIM',
        text: 'ticket Scanner emails never arrive',
        triggerId: 'trig-qt',
        responseUrl: slack.api.responseUrl('qt'),
      }),
    );
    const card = slack.api
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === 'C0QUEUE' && /Scanner emails/.test(String(c.args.text)))
      .at(-1);
    const before = slack.api.calls.length;
    const inThread = ts();
    await slack.event(
      channelMessageEnvelope({
        user: 'U0ADMIN',
        text: 'Try the scan-to-email address again now',
        ts: inThread,
        eventId: `Ev${inThread}`,
        channel: 'C0QUEUE',
        threadTs: card?.ts,
      }),
    );
    const posted = slack.api.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(posted.find((c) => c.args.channel === 'DU0KIM')?.args.text).toMatch(
      /replied on T-\d+.*Try the scan-to-email address again now/s,
    );
    expect(posted.find((c) => c.args.channel === 'C0QUEUE')?.args).toMatchObject({
      thread_ts: card?.ts,
      text: expect.stringMatching(/was sent to the requester/),
    });

    const chatter = ts();
    const quiet = slack.api.calls.length;
    await slack.event(
      channelMessageEnvelope({
        user: 'U0KIM',
        text: 'thanks all',
        ts: chatter,
        eventId: `Ev${chatter}`,
        channel: 'C0QUEUE',
        threadTs: card?.ts,
      }),
    );
    await slack.event(
      channelMessageEnvelope({
        user: 'U0ADMIN',
        text: 'lunch?',
        ts: ts(),
        eventId: `Ev${chatter}-2`,
        channel: 'C0RANDOM',
        threadTs: '1700000000.000001',
      }),
    );
    expect(slack.api.calls.slice(quiet).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  });

  /** Asks `text` as `user` (in `channel`, else a DM), takes it to a human, and has an admin set it waiting. */
  const openWaitingTicket = async (user: string, text: string, channel?: string) => {
    const asked = ts();
    const message = { user, text, ts: asked, eventId: `Ev${asked}` };
    await slack.event(channel ? channelMessageEnvelope({ ...message, channel }) : messageImEnvelope(message));
    const answer = slack.api.callsTo('chat.postMessage').find((c) => c.args.thread_ts === asked);
    const opened = (await press(user, answer, 'tierdesk:talk_to_human')).find((c) =>
      /opened ticket/.test(String(c.args.text)),
    );
    const id = Number(/T-(\d+)/.exec(String(opened?.args.text))?.[1]);
    await slack.command(
      slashCommandForm({
        user: 'U0ADMIN',
        text: `wait T-${id} Which one?`,
        triggerId: `trig-w${id}`,
        responseUrl: slack.api.responseUrl(`w${id}`),
      }),
    );
    return { id, asked };
  };

  it("takes a requester's answer in the support-channel thread of their waiting ticket", async () => {
    const { id, asked } = await openWaitingTicket('U0LEO', 'my mailbox is full', 'C0HELP');
    const reply = ts();
    const before = slack.api.calls.length;
    await slack.event(
      channelMessageEnvelope({
        user: 'U0LEO',
        text: 'the shared finance one',
        ts: reply,
        eventId: `Ev${reply}`,
        channel: 'C0HELP',
        threadTs: asked,
      }),
    );
    const said = slack.api.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(said.map((c) => c.args.text)).toEqual([expect.stringMatching(new RegExp(`your answer is on T-${id}`))]);
    const [row] = await slack.app.store.db.select().from(tickets).where(eq(tickets.id, id));
    expect(row?.status).toBe('new');
  });

  it('greets back without searching, yet takes "thanks" under a waiting ticket as the answer to it', async () => {
    const hello = ts();
    let before = slack.api.calls.length;
    await slack.event(messageImEnvelope({ user: 'U0MIA', text: 'Hi there!', ts: hello, eventId: `Ev${hello}` }));
    expect(posts(before).map((c) => c.args.text)).toEqual([expect.stringMatching(/^Hi! Ask me a question/)]);
    // Not searched, so not recorded as a question the knowledge base could not answer.
    const recorded = await slack.app.store.db.select().from(interactions).where(eq(interactions.question, 'Hi there!'));
    expect(recorded).toEqual([]);

    const { id, asked } = await openWaitingTicket('U0MIA', 'my mailbox is full');
    // Under the waiting ticket, "thanks!" is the requester's answer; once the ticket is no longer waiting
    // on them, it is just thanks.
    before = slack.api.calls.length;
    for (const n of [1, 2]) {
      const at = ts();
      await slack.event(
        messageImEnvelope({ user: 'U0MIA', text: 'thanks!', ts: at, eventId: `Ev${at}-${n}`, threadTs: asked }),
      );
    }
    expect(posts(before).map((c) => c.args.text)).toEqual([
      expect.stringMatching(new RegExp(`your answer is on T-${id}`)),
      "You're welcome! Ask me anything else any time.",
    ]);
  });

  it('answers /support help within the ack, ephemerally', async () => {
    const before = slack.api.calls.length;
    const res = await slack.command(
      slashCommandForm({
        user: 'U0ALICE',
        text: 'help',
        triggerId: 'trig-help',
        responseUrl: slack.api.responseUrl('help'),
      }),
    );
    expect(res.status).toBe(200);
    const body = res.json<{ response_type: string; text: string; blocks: unknown[] }>();
    expect(body.response_type).toBe('ephemeral');
    for (const command of ['ask', 'ticket', 'status', 'mine']) expect(body.text).toContain(command);
    expect(posts(before)).toEqual([]);
    await slack.app.idle();
  });

  it('answers /support status and usage errors ephemerally', async () => {
    const ask = async (text: string, trigger: string) => {
      const form = slashCommandForm({
        user: 'U0CAROL',
        text,
        triggerId: trigger,
        responseUrl: slack.api.responseUrl(trigger),
      });
      return (await slack.command(form)).json<{ response_type: string; text: string }>();
    };
    expect(await ask('status', 'trig-s1')).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/no open tickets/i),
    });
    await ask('ticket Screen is flickering', 'trig-s2');
    expect((await ask('status T-99999', 'trig-s3')).text).toMatch(/couldn't find T-99999/);
    expect((await ask('status yesterday', 'trig-s4')).text).toMatch(/ticket number/);
    expect((await ask('frobnicate', 'trig-s5')).text).toMatch(/don't know that command/);
    expect((await ask('mine', 'trig-s6')).text).toMatch(/Screen is flickering/);
  });

  it('opens the New ticket modal from /support ticket and the shortcut, and validates it in the modal', async () => {
    const before = slack.api.calls.length;
    await slack.command(
      slashCommandForm({
        user: 'U0DAN',
        text: 'ticket',
        triggerId: 'trig-modal',
        responseUrl: slack.api.responseUrl('m'),
      }),
    );
    await slack.interaction(globalShortcutPayload({ user: 'U0DAN', triggerId: 'trig-shortcut' }));
    const opened = slack.api.calls.slice(before).filter((c) => c.method === 'views.open');
    expect(opened.map((c) => c.args.trigger_id)).toEqual(['trig-modal', 'trig-shortcut']);
    expect(opened[0]?.args.view).toMatchObject({
      type: 'modal',
      callback_id: 'tierdesk_new_ticket',
      title: { text: 'New ticket' },
    });

    const invalid = viewSubmissionPayload({ user: 'U0DAN', viewId: 'V1', subject: '  ', description: 'x' });
    expect((await slack.interaction(invalid)).json()).toEqual({
      response_action: 'errors',
      errors: { subject: 'Please say in a few words what is wrong.' },
    });

    const beforeSubmit = slack.api.calls.length;
    await slack.interaction(
      viewSubmissionPayload({
        user: 'U0DAN',
        viewId: 'V2',
        subject: 'Cannot print payslips',
        description: 'Tray 2 jams',
        priority: 'P2',
      }),
    );
    const dm = posts(beforeSubmit).find((c) => c.args.channel === 'U0DAN');
    expect(dm?.args.text).toMatch(/opened ticket T-\d+ for you: "Cannot print payslips"/);
    expect(JSON.stringify(dm?.args.blocks)).toContain('P2');
  });

  it("publishes App Home with a New ticket button and the person's tickets", async () => {
    await slack.command(
      slashCommandForm({
        user: 'U0ERIN',
        text: 'ticket Laptop battery swollen',
        triggerId: 'trig-home',
        responseUrl: slack.api.responseUrl('h'),
      }),
    );
    await slack.event(appHomeOpenedEnvelope({ user: 'U0ERIN', eventId: 'EvHome1' }));
    const published = slack.api.callsTo('views.publish').at(-1);
    expect(published?.args.user_id).toBe('U0ERIN');
    const view = JSON.stringify(published?.args.view);
    expect(view).toContain('"type":"home"');
    expect(view).toContain('tierdesk_open_new_ticket');
    expect(view).toMatch(/T-\d+\*? Laptop battery swollen/);
    expect(view).toContain('Tier 1 help desk');
    expect(view).not.toContain('My queue');
  });

  it('shows help-desk members their assigned tickets and their unclaimed queue on App Home', async () => {
    await slack.command(
      slashCommandForm({
        user: 'U0ERIN',
        text: 'ticket Docking station dead',
        triggerId: 'trig-q1',
        responseUrl: slack.api.responseUrl('q'),
      }),
    );
    // A complaint about the service opens a follow-up: it waits first (after any P1), marked as such.
    await slack.command(
      slashCommandForm({
        user: 'U0ERIN',
        text: 'feedback the printers have been broken for weeks, not acceptable',
        triggerId: 'trig-q2',
        responseUrl: slack.api.responseUrl('q2'),
      }),
    );
    await slack.event(appHomeOpenedEnvelope({ user: 'U0ADMIN', eventId: 'EvHome2' }));
    const view = JSON.stringify(slack.api.callsTo('views.publish').at(-1)?.args.view);
    expect(view).toContain('Assigned to me');
    expect(view).toContain('My queue (unclaimed)');
    expect(view).toMatch(/T-\d+\*? Docking station dead/);
    const queued = view.slice(view.indexOf('My queue (unclaimed)'));
    expect(queued.indexOf('Follow-up of feedback on the service')).toBeGreaterThan(0);
    expect(queued.indexOf('Follow up: a complaint')).toBeLessThan(queued.indexOf('Docking station dead'));
  });

  it('posts once for an event retried three times, or re-sent under a new event id', async () => {
    const before = slack.api.calls.length;
    const at = ts();
    const envelope = messageImEnvelope({
      user: 'U0FRANK',
      text: 'how do I set up the printer',
      ts: at,
      eventId: `Ev${at}`,
    });
    await slack.event(envelope);
    for (const retry of ['1', '2', '3']) {
      const res = await slack.event(envelope, {
        headers: { 'x-slack-retry-num': retry, 'x-slack-retry-reason': 'http_timeout' },
      });
      expect(res.status).toBe(200);
    }
    await slack.event({ ...envelope, event_id: `Ev${at}-again` });
    expect(posts(before)).toHaveLength(1);
  });

  it('answers support-channel questions and @mentions once, and ignores other channel talk and bots', async () => {
    const before = slack.api.calls.length;
    const at = ts();
    // The same message arrives as a channel message and as an app_mention.
    await slack.event(
      channelMessageEnvelope({
        user: 'U0GINA',
        text: '<@U0BOT> my mailbox is full',
        ts: at,
        eventId: `EvA${at}`,
        channel: 'C0HELP',
      }),
    );
    await slack.event(
      appMentionEnvelope({
        user: 'U0GINA',
        text: '<@U0BOT> my mailbox is full',
        ts: at,
        eventId: `EvB${at}`,
        channel: 'C0HELP',
      }),
    );
    const answered = posts(before);
    expect(answered).toHaveLength(1);
    expect(answered[0]?.args).toMatchObject({ channel: 'C0HELP', thread_ts: at });
    expect(answered[0]?.args.text).toContain('Free up space');

    const elsewhere = ts();
    await slack.event(
      channelMessageEnvelope({
        user: 'U0GINA',
        text: 'lunch anyone?',
        ts: elsewhere,
        eventId: `Ev${elsewhere}`,
        channel: 'C0RANDOM',
      }),
    );
    const mention = ts();
    await slack.event(
      appMentionEnvelope({
        user: 'U0GINA',
        text: '<@U0BOT> how do I connect to the vpn',
        ts: mention,
        eventId: `Ev${mention}`,
        channel: 'C0RANDOM',
      }),
    );
    const botTalk = messageImEnvelope({ user: 'U0GINA', text: 'hello', ts: ts(), eventId: 'EvBot' });
    await slack.event({ ...botTalk, event: { ...botTalk.event, subtype: 'bot_message', bot_id: 'B0OTHER' } });
    const later = posts(before).slice(1);
    expect(later).toHaveLength(1);
    expect(later[0]?.args).toMatchObject({ channel: 'C0RANDOM', thread_ts: mention });
  });

  it('answers an @mention in a channel thread once, whichever of its two events arrives first', async () => {
    const before = slack.api.calls.length;
    const at = ts();
    const thread = ts();
    const text = '<@U0BOT> how do I reset my password?';
    // Slack sends the channel message before the app_mention here: the first must not pass as overheard talk.
    await slack.event(
      channelMessageEnvelope({
        user: 'U0IVY',
        text,
        ts: at,
        threadTs: thread,
        eventId: `EvC${at}`,
        channel: 'C0RANDOM',
      }),
    );
    const mention = appMentionEnvelope({ user: 'U0IVY', text, ts: at, eventId: `EvM${at}`, channel: 'C0RANDOM' });
    await slack.event({ ...mention, event: { ...mention.event, thread_ts: thread } });
    const answered = posts(before);
    expect(answered).toHaveLength(1);
    expect(answered[0]?.args).toMatchObject({ channel: 'C0RANDOM', thread_ts: thread });
    expect(String(answered[0]?.args.text)).toContain('Reset a forgotten password');
  });

  it('reads "&", "<" and ">" as typed, and escapes them once on the way out', async () => {
    const before = slack.api.calls.length;
    // What Slack delivers when someone types: ticket AT&T VPN <error 809>
    await dm('U0JON', 'ticket AT&amp;T VPN &lt;error 809&gt;');
    expect(await ticketsWithSubject('AT&T VPN <error 809>')).toBe(1);
    const card = posts(before).find((c) => c.args.channel === 'C0QUEUE');
    expect(JSON.stringify(blocksOf(card))).toContain('AT&amp;T VPN &lt;error 809&gt;');
    expect(String(card?.args.text)).toContain('AT&amp;T VPN &lt;error 809&gt;');
  });

  it("shows a requester's link syntax as typed in the queue card, never as a link with a label of theirs", async () => {
    const before = slack.api.calls.length;
    await slack.app.post('/api/local/messages', {
      user: 'mallory',
      text: 'ticket [IT: approve my account reset here](https://evil.example/reset)',
    });
    const card = posts(before).find((c) => c.args.channel === 'C0QUEUE');
    const shown = JSON.stringify(blocksOf(card));
    expect(shown).toContain('IT: approve my account reset here');
    expect(shown).not.toContain('<https://evil.example/reset|');
  });

  it('reads /support with mentions, channels and links as Slack escapes them', async () => {
    await dm('U0LEE', 'hello');
    // With should_escape on, "/support staff add @lee tier1" arrives with Lee's user id.
    const res = await slack.command(
      slashCommandForm({
        user: 'U0ADMIN',
        text: 'staff add <@U0LEE|lee> tier1',
        triggerId: 'trig-staff-lee',
        responseUrl: slack.api.responseUrl('staff-lee'),
      }),
    );
    expect(res.json<{ text: string }>().text).toMatch(/is now on the help desk as agent, tier1/);
    await slack.command(
      slashCommandForm({
        user: 'U0LEE',
        text: 'ticket AT&amp;T portal <https://att.example.com|att.example.com> rejects me',
        triggerId: 'trig-att',
        responseUrl: slack.api.responseUrl('att'),
      }),
    );
    expect(await ticketsWithSubject('AT&T portal https://att.example.com rejects me')).toBe(1);

    await dm(
      'U0LEE',
      'ticket <https://intranet.example.com/pay|intranet.example.com/pay> is down, see <#C0HELP|it-help>',
    );
    expect(await ticketsWithSubject('https://intranet.example.com/pay is down, see #it-help')).toBe(1);
  });

  it("keeps other people's mentions in a command, so an admin can add a colleague by @mentioning them", async () => {
    await dm('U0KIM', 'hello');
    const before = slack.api.calls.length;
    await dm('U0ADMIN', 'staff add <@U0KIM|kim> tier1');
    expect(String(posts(before)[0]?.args.text)).toMatch(/is now on the help desk as agent, tier1/);
  });

  it('refuses unsigned, wrongly signed and stale requests with 401 and touches nothing', async () => {
    const before = slack.api.calls.length;
    const interactionsBefore = await slack.app.store.db.$count(interactions);
    const at = ts();
    const body = JSON.stringify(
      messageImEnvelope({ user: 'U0MALLORY', text: 'how do I reset my password', ts: at, eventId: `Ev${at}` }),
    );
    expect((await slack.send(body, 'application/json', { unsigned: true })).status).toBe(401);
    expect((await slack.send(body, 'application/json', { secret: 'not-the-secret-at-all' })).status).toBe(401);
    expect((await slack.send(body, 'application/json', { timestamp: nowSeconds() - 6 * 60 })).status).toBe(401);
    expect(slack.api.calls.length).toBe(before);
    expect(await slack.app.store.db.$count(interactions)).toBe(interactionsBefore);
  });

  it('retries a failed Web API call a bounded number of times', async () => {
    slack.api.failNext('chat.postMessage', { status: 500 }, 1);
    const before = slack.api.calls.length;
    const at = ts();
    await slack.event(
      messageImEnvelope({ user: 'U0HANK', text: 'how do I reset my password?', ts: at, eventId: `Ev${at}` }),
    );
    const attempts = posts(before);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.args.thread_ts).toBe(at);
  });

  it('logs a Slack API refusal and keeps serving', async () => {
    slack.api.failNext('chat.postMessage', { error: 'channel_not_found' }, 1);
    const at = ts();
    await slack.event(
      messageImEnvelope({ user: 'U0IVY', text: 'how do I reset my password?', ts: at, eventId: `Ev${at}` }),
    );
    expect(
      slack.app.log.lines.some((l) => l.level === 'error' && JSON.stringify(l).includes('channel_not_found')),
    ).toBe(true);
    const next = ts();
    const before = slack.api.calls.length;
    await slack.event(
      messageImEnvelope({ user: 'U0IVY', text: 'how do I reset my password?', ts: next, eventId: `Ev${next}` }),
    );
    expect(posts(before)).toHaveLength(1);
  });
});
