import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { feedback, surveyAnswers, surveyAsks, tickets } from '../../src/store/schema.ts';
import { buttonsOf, startTestApp, type TestApp, testStart } from '../support/test-app.ts';

const day = 86_400_000;

describe('CSAT after a resolution (local chat)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      ADMINS: 'local:ann',
      LOCAL_EMBEDDINGS: 'false',
      CSAT_EXPIRES_DAYS: '3',
      QUEUE_FEEDBACK: 'local:#it-leads',
    });
  });
  afterAll(() => app.close());

  const send = async (path: string, body: object): Promise<Message[]> =>
    ((await (await app.post(path, body)).json()) as { messages: Message[] }).messages;
  const say = async (user: string, text: string) =>
    (await send('/api/local/messages', { user, text })).map((m) => m.text).join('\n');
  const press = async (user: string, button: { actionId: string; value: string }) =>
    (await send('/api/local/actions', { user, action: button.actionId, value: button.value }))
      .map((m) => m.text)
      .join('\n');
  const inbox = async (user: string) =>
    ((await (await app.get(`/api/local/inbox?user=${user}`)).json()) as { messages: Message[] }).messages;

  /** A ticket of `user`'s resolved by ann; the score buttons of the survey that followed. */
  async function resolvedFor(user: string, subject: string) {
    const ref = /T-\d+/.exec(await say(user, `ticket ${subject}`))?.[0] ?? 'T-?';
    await say('ann', `claim ${ref}`);
    await inbox(user);
    await say('ann', `resolve ${ref} Fixed it`);
    const survey = (await inbox(user)).find((m) => m.text.includes('How did we do'));
    return { ref, id: Number(ref.slice(2)), scores: buttonsOf(survey) };
  }
  const answersOf = async (ticketId: number) => {
    const [ask] = await app.store.db.select().from(surveyAsks).where(eq(surveyAsks.ticketId, ticketId));
    return ask ? app.store.db.select().from(surveyAnswers).where(eq(surveyAnswers.askId, ask.id)) : [];
  };

  it('keeps every change of mind, the newest counting, and a repeated score once', async () => {
    app.clock.set(testStart);
    const { id, scores } = await resolvedFor('alice', 'Monitor flickers');
    expect(scores).toHaveLength(5);
    await press('alice', scores[3] ?? { actionId: '', value: '' });
    await press('alice', scores[3] ?? { actionId: '', value: '' });
    expect(await press('alice', scores[2] ?? { actionId: '', value: '' })).toMatch(/now 3 of 5.*it was 4/);
    expect((await answersOf(id)).map((a) => a.score)).toEqual([4, 3]);
  });

  it('refuses a score after the survey closed, politely, and stores nothing', async () => {
    app.clock.set(testStart);
    const { id, scores } = await resolvedFor('bob', 'Headset crackles');
    app.clock.set(new Date(testStart.getTime() + 3 * day + 1000));
    expect(await press('bob', scores[4] ?? { actionId: '', value: '' })).toMatch(/this survey has closed/);
    expect(await answersOf(id)).toEqual([]);
  });

  it('asks nothing when a ticket closes by itself, and refuses a forged score politely', async () => {
    app.clock.set(testStart);
    const { id } = await resolvedFor('cleo', 'Mouse double-clicks');
    app.clock.set(new Date(testStart.getTime() + 4 * day));
    await app.sweep();
    const asks = await app.store.db.select().from(surveyAsks).where(eq(surveyAsks.ticketId, id));
    expect(asks).toHaveLength(1);
    // A score no button offers is bad input: a polite sentence, nothing stored.
    expect(await press('cleo', { actionId: 'csat_rating', value: `${asks[0]?.id}:9` })).toMatch(
      /didn't recognise that button/,
    );
    expect(await answersOf(id)).toEqual([]);
  });

  it('keeps a comment with the ticket and its standing score, and free feedback on its own', async () => {
    app.clock.set(testStart);
    const { ref, id, scores } = await resolvedFor('dora', 'Laptop fan loud');
    await press('dora', scores[1] ?? { actionId: '', value: '' });
    expect(await say('dora', `feedback ${ref} took three days`)).toContain(`about ${ref}`);
    // The same words again (sent twice, a second device) are the comment already kept, with its follow-up.
    expect(await say('dora', `feedback ${ref} took three days`)).toMatch(
      new RegExp(`We have that comment about ${ref} already.*contact you about it: T-\\d+`),
    );
    expect(await say('dora', 'feedback thank you, the new portal is much faster')).toMatch(/Thank you, that is kind/);
    expect(await say('erin', `feedback ${ref} not mine`)).toMatch(/couldn't find/);
    const rows = await app.store.db.select().from(feedback);
    // The 2 itself, then the comment on it: both kept with the ticket, one follow-up for both.
    const onTicket = rows.filter((r) => r.ticketId === id);
    expect(onTicket).toEqual([
      expect.objectContaining({ source: 'csat', rating: 2, comment: null, class: 'undertone', classifiedBy: 'rules' }),
      expect.objectContaining({ source: 'csat', rating: 2, comment: 'took three days', classifiedBy: 'rules' }),
    ]);
    expect(onTicket[0]?.followUpTicketId).toBeGreaterThan(id);
    expect(onTicket[1]?.followUpTicketId).toBe(onTicket[0]?.followUpTicketId);
    expect(rows.find((r) => r.source === 'free')).toMatchObject({
      comment: 'thank you, the new portal is much faster',
      class: 'appreciation',
      classifiedBy: 'rules',
    });
    expect(rows.every((r) => r.sentiment !== null && r.sentiment >= -1 && r.sentiment <= 1)).toBe(true);
    expect(rows.some((r) => r.comment === 'not mine')).toBe(false);
  });

  it("keeps a comment sent from the survey's form as feedback T-n keeps it, and refuses forged or closed ones", async () => {
    app.clock.set(testStart);
    const { ref, id, scores } = await resolvedFor('kai', 'Webcam upside down');
    await press('kai', scores[2] ?? { actionId: '', value: '' });
    const [ask] = await app.store.db.select().from(surveyAsks).where(eq(surveyAsks.ticketId, id));
    const submit = async (user: string, form: string, comment: string) =>
      (await send('/api/local/forms', { user, form, values: { comment } })).map((m) => m.text).join('\n');
    const form = `csat_comment:${ask?.id}`;
    expect(await submit('kai', form, 'the fix works, thanks a lot')).toMatch(
      `Thank you, that is kind of you: your words about ${ref}`,
    );
    expect(await submit('kai', form, 'the fix works, thanks a lot')).toMatch(
      `We have that comment about ${ref} already`,
    );
    // Outside input: no such ask, someone else's, not a survey number; then the survey closes.
    expect(await submit('kai', 'csat_comment:999999', 'hello')).toMatch(/couldn't find that survey/);
    expect(await submit('lena', form, 'hello')).toMatch(/isn't yours/);
    expect(await submit('kai', 'csat_comment:abc', 'hello')).toMatch(/didn't recognise/);
    app.clock.set(new Date(testStart.getTime() + 3 * day + 1000));
    expect(await submit('kai', form, 'one more thing')).toMatch(/this survey has closed/);
    const rows = (await app.store.db.select().from(feedback)).filter((r) => r.ticketId === id || r.askId === ask?.id);
    expect(rows).toEqual([
      expect.objectContaining({
        source: 'csat',
        ticketId: id,
        askId: ask?.id,
        rating: 3,
        comment: 'the fix works, thanks a lot',
        class: 'appreciation',
        classifiedBy: 'rules',
        followUpTicketId: null,
      }),
    ]);
  });

  it('follows up a complaint about the service at P3 and an escalation at P2, each as a ticket of its own', async () => {
    app.clock.set(testStart);
    const complaint = await say('finn', 'feedback the wifi on floor 2 has been broken for weeks, not acceptable');
    const escalation = await say('finn', 'feedback THIRD TIME I report this, I want to speak to a manager!!!');
    const refs = [complaint, escalation].map((t) => /contact you about it: T-(\d+)/.exec(t)?.[1]);
    expect(refs.every(Boolean)).toBe(true);
    const opened = await app.store.db.select().from(tickets);
    const priorityOf = (id?: string) => opened.find((t) => t.id === Number(id))?.priority;
    expect([priorityOf(refs[0]), priorityOf(refs[1])]).toEqual(['P3', 'P2']);
    // Announced in the feedback queue, for the leads, not in Tier 1's.
    const leads = await app.get('/api/local/inbox?place=%23it-leads');
    const cards = ((await leads.json()) as { messages: Message[] }).messages.map((m) => m.text).join('\n');
    expect(cards).toContain(`T-${refs[0]} from finn: Follow up: a complaint`);
    expect(cards).toContain(`T-${refs[1]} from finn: Follow up: an escalation`);
    expect(await say('finn', 'feedback thanks, the new laptop is great')).not.toMatch(/contact you/);
  });

  it('asks nobody who said surveys off, and counts the skipped ask with its reason; surveys on asks again', async () => {
    app.clock.set(testStart);
    expect(await say('gail', 'surveys off')).toMatch(/won't be asked/);
    const skipped = await resolvedFor('gail', 'Docking station hums');
    expect(skipped.scores).toEqual([]);
    const [ask] = await app.store.db.select().from(surveyAsks).where(eq(surveyAsks.ticketId, skipped.id));
    expect(ask?.skipped).toBe('opted_out');
    expect(await say('gail', 'surveys on')).toMatch(/you'll be asked/);
    expect((await resolvedFor('gail', 'Second monitor blank')).scores).toHaveLength(5);
  });

  it('keeps 👍 and 👎 on answers in the same feedback record, once each', async () => {
    const pressAnswer = async (user: string, label: RegExp) => {
      const [answer] = await send('/api/local/messages', { user, text: 'how do I reset my password?' });
      const button = buttonsOf(answer).find((b) => label.test(b.label));
      if (!button) throw new Error(`no ${label} button`);
      await press(user, button);
      await press(user, button);
      return button.value;
    };
    await pressAnswer('hana', /^👍/);
    await pressAnswer('ivan', /^👎/);
    const rows = (await app.store.db.select().from(feedback)).filter((r) => r.source === 'answer');
    expect(rows.map((r) => [r.class, r.sentiment])).toEqual([
      ['appreciation', 1],
      ['undertone', -0.5],
    ]);
    expect(rows.every((r) => r.interactionId !== null)).toBe(true);
  });
});
