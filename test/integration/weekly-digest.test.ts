import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { digestPostsOf } from '../../src/store/digest-posts.ts';
import { type SeededDesk, seedWeek } from '../support/seeded-week.ts';

const mondayNine = new Date('2026-11-30T09:00:00Z');

/** The weekly digest of the seeded week (its figures are worked out by hand in metrics.test.ts). */
describe('the weekly digest of a known week', () => {
  let desk: SeededDesk;
  let posted: Message[];
  const coe = async () =>
    ((await (await desk.app.get('/api/local/inbox?place=%23coe')).json()) as { messages: Message[] }).messages;
  const say = async (user: string, text: string) =>
    ((await (await desk.app.post('/api/local/messages', { user, text })).json()) as { messages: Message[] }).messages;
  const inbox = async (user: string) =>
    ((await (await desk.app.get(`/api/local/inbox?user=${user}`)).json()) as { messages: Message[] }).messages;
  const fieldsOf = (message: Message | undefined) =>
    Object.fromEntries(
      (message?.blocks ?? []).flatMap((b) => (b.kind === 'fields' ? b.fields.map((f) => [f.label, f.value]) : [])),
    );
  const textOf = (message: Message | undefined) =>
    (message?.blocks ?? []).flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('\n');

  beforeAll(async () => {
    desk = await seedWeek({ DIGEST_PLACES: 'local:#coe' });
    desk.app.clock.set(mondayNine);
    await desk.app.runJob('weekly-digest');
    posted = await coe();
  });
  afterAll(() => desk.app.close());

  it('posts the week to the CoE place on Monday at 09:00, every figure with last week’s change', () => {
    expect(posted).toHaveLength(1);
    const [digest] = posted;
    expect(digest?.text).toMatch(/^Weekly digest 2026-W48 \(Mon 23 Nov – Sun 29 Nov 2026\)/);
    expect(fieldsOf(digest)).toEqual({
      Questions: '6 ▲ 500 %',
      'Active users': '8 ▲ 700 %',
      Deflection: '50 % ▲ 50 pts',
      // Nobody rated an answer the week before: no change to show.
      'Answers helpful': '67 %',
      'Tickets opened': '6 ▲ 500 %',
      'Tickets resolved': '5 ▲ new',
      'Backlog at week end': '2 ▲ 100 %',
      'First-contact resolution': '40 %',
      'SLA compliance': '60 %',
      'SLA breaches': '2 ▲ new',
      'CSAT (4–5 of 5)': '60 %',
      'CSAT responses': '5 ▲ new',
    });
  });

  it('names the biggest changes, the maturity level and what holds it there', () => {
    const text = textOf(posted[0]);
    // Active users ×8 (700 %), new users 1 → 7, questions 1 → 6 (as far as tickets opened, listed after).
    expect(text).toContain(
      '**Biggest changes**\n- Active users: 1 → 8 (▲ 700 %)\n- New users: 1 → 7 (▲ 600 %)\n- Questions: 1 → 6 (▲ 500 %)',
    );
    expect(text).toContain(
      '**Support maturity: 300 (defined)**\nWhat holds it there:\n- SLAs defined but compliance 60 % (needs 90 %)',
    );
  });

  it('names the top knowledge gaps: tickets opened without an answer first, as `gaps` groups them', () => {
    expect(textOf(posted[0])).toContain(
      '**Top knowledge gaps**\n- "Badge reader broken" (1 asked)\n- "Laptop still will not start" (1 asked)\n- "Printer on fire" (1 asked)',
    );
  });

  it('lists the breach without a CAPA and the low score with its open follow-up', () => {
    const { gus, cleo, followUp } = desk.tickets;
    const text = textOf(posted[0]);
    // frank's breach has its CAPA; gus's, marked by Thursday's sweep at Tier 1, has none.
    expect(text).toContain(
      `**SLA breaches without a CAPA**\n- T-${gus}: response target missed at Tier 1, Thu 26 Nov 13:05`,
    );
    expect(text).toContain(`**Low scores and their follow-ups**\n- 2/5 on T-${cleo} — follow-up T-${followUp} open`);
  });

  it('carries the 8-week chart as a signed link on the desk’s own server', () => {
    const image = posted[0]?.blocks?.find((b) => b.kind === 'image');
    expect(image).toMatchObject({ kind: 'image', title: 'Questions, deflection and CSAT, last 8 weeks' });
    const url = new URL(image?.kind === 'image' ? image.url : '', desk.app.url);
    expect(url.pathname).toBe('/charts/trend.png');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ week: '2026-W48', weeks: '8' });
    expect(desk.app.links.verify(url, mondayNine).ok).toBe(true);
  });

  it('posts once for the week: a re-run, a later tick and a restart within the day post nothing more', async () => {
    await desk.app.runJob('weekly-digest');
    desk.app.clock.set(new Date('2026-11-30T15:00:00Z'));
    await desk.app.runJob('weekly-digest');
    expect(await coe()).toEqual([]);
    const rows = await digestPostsOf(desk.app.store.db, '2026-W48');
    expect(rows.map((r) => [r.place, r.status])).toEqual([['local:#coe', 'posted']]);
  });

  it('sends a lead the digest on demand, privately, for last week, this week or a named one', async () => {
    desk.app.clock.set(new Date('2026-12-02T10:00:00Z'));
    expect((await say('ann', 'digest')).map((m) => m.text)).toEqual([
      "I've sent you the digest for 2026-W48 in a direct message.",
    ]);
    const sent = (await inbox('ann')).find((m) => m.text.startsWith('Weekly digest'));
    expect(fieldsOf(sent)).toEqual(fieldsOf(posted[0]));
    expect((await say('ann', 'digest this'))[0]?.text).toContain('2026-W49');
    expect((await inbox('ann')).find((m) => m.text.startsWith('Weekly digest'))?.text).toMatch(
      /^Weekly digest 2026-W49 \(Mon 30 Nov – Sun 6 Dec 2026\)/,
    );
    expect((await say('ann', 'digest 2026-w47'))[0]?.text).toContain('2026-W47');
    expect((await say('ann', 'digest 2027-W02'))[0]?.text).toBe('2027-W02 has not started yet.');
  });

  it('keeps the digest to leads and admins, and explains a week it cannot read', async () => {
    expect((await say('alice', 'digest'))[0]?.text).toMatch(/lead|admin/i);
    expect(await inbox('alice')).toEqual([]);
    expect((await say('ann', '/digest 2026-W54'))[0]?.text).toMatch(/digest \[this\|last\|YYYY-Www\]/);
  });
});
