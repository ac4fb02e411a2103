import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../src/store/schema.ts';
import { fakeTeam, type SlackCall } from '../fakes/slack-api.ts';
import {
  botMessageEnvelope,
  fileShareEnvelope,
  messageChangedEnvelope,
  messageDeletedEnvelope,
  threadBroadcastEnvelope,
} from '../fixtures/slack-message-subtypes.ts';
import { blockActionsPayload, messageImEnvelope, slashCommandForm } from '../fixtures/slack-payloads.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';

/** People send screenshots and "also send to channel" replies: neither is dropped. */
describe('Slack: files and broadcast replies', () => {
  let slack: SlackTestApp;
  let n = 0;
  const ts = () => `1720000000.${String(++n).padStart(6, '0')}`;
  beforeAll(async () => {
    slack = await startSlackTestApp({ SLACK_SUPPORT_CHANNELS: 'C0HELP', ADMINS: `slack:${fakeTeam.id}:U0ADMIN` });
  });
  afterAll(() => slack.close());

  const postsSince = (before: number) => slack.api.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
  const statusOf = async (id: number) => (await slack.app.store.db.select().from(tickets).where(eq(tickets.id, id)))[0];
  const admin = (text: string) =>
    slack.command(
      slashCommandForm({ user: 'U0ADMIN', text, triggerId: `t${++n}`, responseUrl: slack.api.responseUrl(`r${n}`) }),
    );
  /** A question answered in the DM, taken to a person, and set waiting by the help desk. */
  const waitingTicket = async (user: string, question: string, fileName?: string) => {
    const asked = ts();
    const message = { user, text: question, ts: asked, eventId: `Ev${asked}` };
    await slack.event(fileName ? fileShareEnvelope({ ...message, fileName }) : messageImEnvelope(message));
    const answer = slack.api.callsTo('chat.postMessage').find((c) => c.args.thread_ts === asked);
    const blocks = (answer?.args.blocks ?? []) as { type: string; elements?: { action_id: string; value: string }[] }[];
    const talk = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('tierdesk:talk_to_human'));
    const before = slack.api.calls.length;
    await slack.interaction(
      blockActionsPayload({
        user,
        channel: String(answer?.args.channel),
        messageTs: answer?.ts ?? '',
        threadTs: asked,
        blocks: [],
        text: '',
        actionId: talk?.action_id ?? '',
        value: talk?.value ?? '',
        label: 'Talk to a human',
        responseUrl: slack.api.responseUrl(`p${n}`),
      }),
    );
    const opened = postsSince(before).find((c: SlackCall) => /opened ticket/.test(String(c.args.text)));
    const id = Number(/T-(\d+)/.exec(String(opened?.args.text))?.[1]);
    await admin(`wait T-${id} Can you send a screenshot?`);
    return { id, asked };
  };

  it('keeps the screenshot of a question with the ticket it turns into, for the help desk', async () => {
    const { id } = await waitingTicket('U0WEN', 'printer on floor 3 is jammed', 'jam.png');
    // What the help desk sees of the ticket: its blocks hold the description.
    const seen = JSON.stringify((await admin(`status T-${id}`)).json());
    expect(seen).toMatch(/Attached: jam\.png \(https:\/\/example\.slack\.com\/files\/U0WEN\/[^)]+\/jam\.png\)/);
  });

  it('answers a DM that comes with a screenshot, and asks for words when the file came alone', async () => {
    let before = slack.api.calls.length;
    const at = ts();
    await slack.event(
      fileShareEnvelope({
        user: 'U0ZOE',
        text: 'how do I reset my password?',
        fileName: 'error.png',
        ts: at,
        eventId: `Ev${at}`,
      }),
    );
    expect(postsSince(before).map((c) => c.args.text)).toEqual([expect.stringContaining('Reset a forgotten password')]);
    before = slack.api.calls.length;
    const alone = ts();
    await slack.event(
      fileShareEnvelope({ user: 'U0ZOE', text: '', fileName: 'error.png', ts: alone, eventId: `Ev${alone}` }),
    );
    expect(postsSince(before).map((c) => c.args.text)).toEqual([
      expect.stringMatching(/I have your file, but I can only read words/),
    ]);
  });

  it('takes a screenshot in the thread of a waiting ticket as the reply, with the file on the record for staff', async () => {
    const { id, asked } = await waitingTicket('U0YAN', 'my laptop shows a blue screen');
    const reply = ts();
    await slack.event(
      fileShareEnvelope({
        user: 'U0YAN',
        text: 'here it is',
        fileName: 'bsod.png',
        ts: reply,
        eventId: `Ev${reply}`,
        threadTs: asked,
      }),
    );
    expect((await statusOf(id))?.status).not.toBe('waiting');
    const history = (await admin(`history T-${id}`)).json<{ text: string }>().text;
    expect(history).toMatch(/here it is/);
    expect(history).toMatch(/Attached: bsod\.png \(https:\/\/example\.slack\.com\/files\/U0YAN\/[^)]+\/bsod\.png\)/);
  });

  it('takes an "also send to channel" reply in a waiting ticket’s thread as the reply', async () => {
    const { id, asked } = await waitingTicket('U0XIA', 'my vpn keeps disconnecting');
    const reply = ts();
    await slack.event(
      threadBroadcastEnvelope({
        user: 'U0XIA',
        text: 'it drops every ten minutes',
        ts: reply,
        eventId: `Ev${reply}`,
        threadTs: asked,
        channel: 'DU0XIA',
      }),
    );
    expect((await statusOf(id))?.status).not.toBe('waiting');
  });

  it('passes over edits, deletes and other bots without a word, in chat or in the log', async () => {
    const before = slack.api.calls.length;
    const lines = slack.app.log.lines.length;
    for (const event of [
      messageChangedEnvelope({ user: 'U0ZOE', text: 'edited question', ts: ts(), eventId: 'EvEdit' }),
      messageDeletedEnvelope({ user: 'U0ZOE', ts: ts(), eventId: 'EvDelete' }),
      botMessageEnvelope({ text: 'deploy finished', ts: ts(), eventId: 'EvBot', channel: 'C0HELP' }),
    ]) {
      expect((await slack.event(event)).status).toBe(200);
    }
    expect(postsSince(before)).toEqual([]);
    expect(slack.app.log.lines.slice(lines).filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  });
});
