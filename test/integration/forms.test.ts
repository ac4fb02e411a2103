import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { blockActionsPayload, messageImEnvelope } from '../fixtures/slack-payloads.ts';
import { executeInvokeActivity, messageActivity } from '../fixtures/teams-activities.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';
import { startTeamsTestApp, type TeamsTestApp } from '../support/teams-app.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** "New ticket" is an ordinary form: the same fields and rules, shown the way each platform shows forms. */
describe('the New ticket form in the local chat', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const send = async (path: string, body: unknown) => {
    const res = await app.post(path, body);
    return { status: res.status, body: (await res.json()) as { messages?: Message[]; error?: string } };
  };

  it('offers the form with the usage line when `ticket` comes without a subject', async () => {
    const { body } = await send('/api/local/messages', { user: 'uma', text: 'ticket' });
    const [reply] = body.messages ?? [];
    expect(reply?.text).toMatch(/`ticket` needs a bit more/);
    const form = reply?.blocks?.find((b) => b.kind === 'form');
    expect(form).toMatchObject({
      kind: 'form',
      form: {
        id: 'new_ticket',
        title: 'New ticket',
        fields: [
          { name: 'subject', kind: 'text', maxLength: 200 },
          { name: 'description', kind: 'text', optional: true, maxLength: 3000 },
          { name: 'priority', kind: 'choice', initial: 'P3' },
        ],
      },
    });
  });

  it('opens a ticket from a submitted form, and shows what is wrong with one that does not pass', async () => {
    const bad = await send('/api/local/forms', { user: 'uma', form: 'new_ticket', values: { subject: '  ' } });
    expect(bad.status).toBe(200);
    const [again] = bad.body.messages ?? [];
    expect(again?.text).toBe('Please say in a few words what is wrong.');
    expect(again?.blocks).toEqual([
      expect.objectContaining({
        kind: 'form',
        form: expect.objectContaining({ errors: { subject: 'Please say in a few words what is wrong.' } }),
      }),
    ]);
    const good = await send('/api/local/forms', {
      user: 'uma',
      form: 'new_ticket',
      values: { subject: 'Badge does not open the door', description: 'Since Monday', priority: 'P2' },
    });
    const opened = good.body.messages?.[0]?.text ?? '';
    expect(opened).toMatch(/opened ticket T-\d+ for you: "Badge does not open the door"/);
    const ref = /T-\d+/.exec(opened)?.[0];
    const status = (await send('/api/local/messages', { user: 'uma', text: `status ${ref}` })).body.messages?.[0];
    expect(status?.text).toContain('Priority: P2');
  });

  it('refuses a form body it cannot read with 400, and an unknown form politely', async () => {
    expect((await send('/api/local/forms', { user: 'uma', form: 'new_ticket' })).status).toBe(400);
    const unknown = await send('/api/local/forms', { user: 'uma', form: 'launch_rocket', values: {} });
    expect(unknown.body.messages?.[0]?.text).toMatch(/didn't recognise/);
  });
});

describe('the New ticket form in Teams', () => {
  let teams: TeamsTestApp;
  beforeAll(async () => {
    teams = await startTeamsTestApp();
  });
  afterAll(() => teams.close());
  const uma = { name: 'Uma' };

  it('shows the form as Adaptive Card inputs and opens the ticket from its Action.Execute', async () => {
    const before = teams.connector.calls.length;
    const serviceUrl = teams.connector.serviceUrl;
    await teams.send(messageActivity({ user: uma, text: 'ticket', id: 'f-1', serviceUrl }));
    const reply = teams.connector.calls.slice(before)[0];
    const card = JSON.stringify(reply?.activity.attachments);
    expect(card).toContain('"type":"Input.Text","id":"subject"');
    expect(card).toContain('"type":"Input.ChoiceSet","id":"priority"');
    expect(card).toContain('"data":{"tierdesk":{"form":"new_ticket"}}');

    const submit = (id: string, inputs: Record<string, string>) =>
      teams.send(
        executeInvokeActivity({
          user: uma,
          id,
          serviceUrl,
          replyToId: reply?.activityId ?? '',
          verb: 'new_ticket',
          // Teams puts each input's value in the action's data, next to the button's own.
          data: { tierdesk: { form: 'new_ticket' }, ...inputs },
        }),
      );
    const refused = await submit('f-2', { subject: '', priority: 'P3' });
    expect(JSON.stringify(refused.body)).toContain('Please say in a few words what is wrong.');
    const opened = await submit('f-3', { subject: 'Headset crackles', description: '', priority: 'P4' });
    expect(JSON.stringify(opened.body)).toMatch(/opened ticket \*\*T-\d+\*\* for you: \\"Headset crackles\\"/);
  });
});

describe('a form offered in a Slack message', () => {
  let slack: SlackTestApp;
  beforeAll(async () => {
    slack = await startSlackTestApp();
  });
  afterAll(() => slack.close());

  it('is a button that opens the form as a modal', async () => {
    await slack.event(messageImEnvelope({ user: 'U0UMA', text: 'ticket', ts: '1800000100.000001', eventId: 'EvF1' }));
    const post = slack.api.callsTo('chat.postMessage').at(-1);
    expect(post?.args.text).toMatch(/needs a bit more/);
    const blocks = post?.args.blocks as { type: string; elements?: { action_id: string; text: { text: string } }[] }[];
    const open = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'tierdesk_open_new_ticket');
    expect(open?.text.text).toBe('New ticket');
    await slack.interaction({
      ...blockActionsPayload({
        user: 'U0UMA',
        channel: String(post?.args.channel),
        messageTs: post?.ts ?? '',
        blocks,
        text: String(post?.args.text),
        actionId: 'tierdesk_open_new_ticket',
        value: '',
        label: 'New ticket',
        responseUrl: slack.api.responseUrl('f1'),
      }),
      trigger_id: 'trig-form-button',
    });
    const opened = slack.api.callsTo('views.open').at(-1);
    expect(opened?.args.trigger_id).toBe('trig-form-button');
    expect(opened?.args.view).toMatchObject({ type: 'modal', callback_id: 'tierdesk_new_ticket' });
  });
});
