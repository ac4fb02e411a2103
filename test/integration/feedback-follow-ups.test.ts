import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { tickets } from '../../src/store/schema.ts';
import { startTestApp, type TestApp, testStart } from '../support/test-app.ts';

const minutes = (n: number) => new Date(testStart.getTime() + n * 60_000);

// No QUEUE_FEEDBACK here: each follow-up is announced in the queue of the tier it opens at.
describe('follow-ups of feedback (local chat)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ADMINS: 'local:ann' });
    for (const command of ['staff add @ben tier1', 'staff add @tess tier2', 'staff add @lena lead'])
      await say('ann', command);
  });
  afterAll(() => app.close());

  const say = async (user: string, text: string) => {
    const res = await app.post('/api/local/messages', { user, text });
    return ((await res.json()) as { messages: Message[] }).messages.map((m) => m.text).join('\n');
  };
  const inbox = async (query: string) =>
    ((await (await app.get(`/api/local/inbox?${query}`)).json()) as { messages: Message[] }).messages
      .map((m) => m.text)
      .join('\n');
  const openTicket = async (user: string, subject: string) =>
    /T-\d+/.exec(await say(user, `ticket ${subject}`))?.[0] ?? 'T-?';
  const followUpIn = (reply: string) => /contact you about it: (T-\d+)/.exec(reply)?.[1] ?? 'T-?';
  const tierOf = async (ref: string) =>
    (
      await app.store.db
        .select()
        .from(tickets)
        .where(eq(tickets.id, Number(ref.slice(2))))
    )[0]?.tier;
  const queueLines = async (user: string, tier: string) =>
    (await say(user, `queue ${tier}`)).split('\n').filter((l) => /^T-\d+/.test(l));

  it('opens a complaint on a ticket Tier 2 resolved at Tier 2, and lists it first after P1 in that queue', async () => {
    app.clock.set(testStart);
    const resolved = await openTicket('alice', 'VPN drops every hour');
    await say('ann', `escalate ${resolved} tier2 needs the network team`);
    await say('tess', `claim ${resolved}`);
    await say('tess', `resolve ${resolved} Replaced the VPN profile`);
    // An older P2 that waits at Tier 2, then (later) a P1.
    const olderP2 = await openTicket('bob', 'Shared drive slow');
    await say('ann', `escalate ${olderP2} tier2 storage`);
    await say('ann', `priority ${olderP2} P2`);
    await inbox('place=%23it-tier2');

    app.clock.set(minutes(30));
    const reply = await say('alice', `feedback ${resolved} the VPN has been broken for weeks, not acceptable`);
    const followUp = followUpIn(reply);
    expect(await tierOf(followUp)).toBe('tier2');
    app.clock.set(minutes(40));
    const outage = await openTicket('carl', 'Email down for the whole floor');
    await say('ann', `escalate ${outage} tier2 mail servers`);
    await say('ann', `priority ${outage} P1`);

    const lines = await queueLines('tess', 'tier2');
    expect(lines.map((l) => l.split(' ')[0])).toEqual([outage, followUp, olderP2]);
    expect(lines[1]).toContain(`P3 · Follow-up of feedback on ${resolved}`);
    expect(lines[2]).not.toContain('Follow-up');

    // Its card went to Tier 2's queue, saying what it follows up and who should pick it up.
    const cards = await inbox('place=%23it-tier2');
    expect(cards).toContain(`${followUp} from alice: Follow up: a complaint on ${resolved}`);
    expect(cards).toContain(`follow-up of feedback on ${resolved}, for a help desk lead: lena`);
    expect(await inbox('place=%23it-tier1')).not.toContain(followUp);
    const status = await say('tess', `status ${followUp}`);
    expect(status).toContain(`Follow-up of: feedback on ${resolved}`);
    expect(status).toContain('For: a help desk lead: lena');
    // It never was with Tier 1, and its history says so.
    expect(await say('tess', `history ${followUp}`)).toMatch(/Time per tier: Tier 2 \d/);
  });

  it('opens feedback about the service at Tier 1: an escalation, then a complaint, first in that queue', async () => {
    app.clock.set(minutes(60));
    const waiting = await openTicket('dora', 'Keyboard sticky');
    const reply = await say('dora', 'feedback the printers on floor 3 have been broken for weeks, not acceptable');
    const followUp = followUpIn(reply);
    expect(await tierOf(followUp)).toBe('tier1');
    app.clock.set(minutes(70));
    const escalation = followUpIn(
      await say('dora', 'feedback THIRD TIME I report this, I want to speak to a manager!!!'),
    );
    // The newer escalation (P2) comes before the complaint (P3); both before the older ticket.
    const lines = await queueLines('ben', 'tier1');
    expect(lines.map((l) => l.split(' ')[0]).slice(0, 2)).toEqual([escalation, followUp]);
    expect(lines[1]).toMatch(new RegExp(`^${followUp} P3 · Follow-up of feedback on the service`));
    expect(lines.findIndex((l) => l.startsWith(`${waiting} `))).toBeGreaterThan(1);
    expect(await inbox('place=%23it-tier1')).toContain(`${followUp} from dora: Follow up: a complaint`);
  });

  it('shows leads the undertones and concerns that opened no ticket, and refuses requesters and agents politely', async () => {
    app.clock.set(minutes(90));
    const resolved = await openTicket('erin', 'Laptop will not charge');
    await say('ann', `claim ${resolved}`);
    await say('ann', `resolve ${resolved} New charger`);
    expect(await say('erin', `feedback ${resolved} thanks, but it took a week`)).not.toMatch(/contact you/);
    expect(await say('finn', 'feedback I am worried my files will be lost again')).not.toMatch(/contact you/);
    // Feedback that merely starts with the word is still feedback.
    expect(await say('finn', 'feedback recent changes to the portal are great')).toMatch(/Thank you/);

    const listed = await say('lena', 'feedback recent');
    expect(listed).toMatch(/Latest feedback/);
    const section = (heading: string) => listed.slice(listed.indexOf(`\n${heading}\n`));
    expect(section('Undertones')).toContain(`erin · survey on ${resolved} · "thanks, but it took a week"`);
    expect(section('Concerns')).toContain(
      'finn · feedback on the service · "I am worried my files will be lost again"',
    );
    // Complaints are listed too, with the follow-up opened for them; gravest first.
    expect(listed.indexOf('\nComplaints\n')).toBeLessThan(listed.indexOf('\nConcerns\n'));
    expect(section('Complaints')).toMatch(
      /alice · survey on T-\d+ · "the VPN has been broken.*" · followed up in T-\d+/,
    );
    expect(listed).toContain('Appreciation');

    const concerns = await say('ann', 'feedback recent concerns');
    expect(concerns).toContain('I am worried my files will be lost again');
    expect(concerns).not.toContain('it took a week');

    for (const user of ['erin', 'tess'])
      expect(await say(user, 'feedback recent')).toMatch(/only help desk leads and admins can read the feedback/);
  });
});
