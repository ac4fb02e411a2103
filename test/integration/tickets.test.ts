import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { tickets } from '../../src/store/schema.ts';
import { buttonsOf, startTestApp, type TestApp } from '../support/test-app.ts';

describe('tickets across tiers (local chat)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ADMINS: 'local:ann', QUEUE_TIER2: 'local:#it-tier2' });
    for (const command of ['staff add @ben tier1', 'staff add @cleo tier1', 'staff add @tess tier2'])
      await say('ann', command);
  });
  afterAll(() => app.close());

  async function say(user: string, text: string): Promise<string> {
    const res = await app.post('/api/local/messages', { user, text });
    return ((await res.json()) as { messages: Message[] }).messages.map((m) => m.text).join('\n');
  }
  const inbox = async (query: string) =>
    ((await (await app.get(`/api/local/inbox?${query}`)).json()) as { messages: Message[] }).messages;
  const openTicket = async (user: string, subject: string) =>
    /T-(\d+)/.exec(await say(user, `ticket ${subject}`))?.[1] ?? '';
  const row = async (id: string) =>
    (
      await app.store.db
        .select()
        .from(tickets)
        .where(eq(tickets.id, Number(id)))
    )[0];

  it('lets exactly one of two agents claiming at once win, and tells the other who has it', async () => {
    const id = await openTicket('alice', 'Outlook crashes on start');
    await inbox('place=%23it-tier1');
    const [a, b] = await Promise.all([say('ben', `claim T-${id}`), say('cleo', `claim T-${id}`)]);
    expect([a, b].filter((r) => /is yours now/.test(r))).toHaveLength(1);
    const [winner, loser] = /is yours now/.test(a) ? ['ben', b] : ['cleo', a];
    expect(loser).toBe(`T-${id} is already being handled by ${winner}.`);
    // One change was written: the version moved once.
    expect((await row(id))?.version).toBe(2);
  });

  it('edits the queue card in place, and posts escalations with their handoff to the next tier', async () => {
    await inbox('place=%23it-tier1');
    const id = await openTicket('alice', 'Shared drive shows access denied');
    const [card] = await inbox('place=%23it-tier1');
    expect(buttonsOf(card).map((b) => b.actionId)).toEqual([
      'claim_ticket',
      'ticket_prompt',
      'ticket_prompt',
      'ticket_prompt',
    ]);
    // The buttons that need words answer with the command to finish, for this ticket.
    const escalate = buttonsOf(card).find((b) => b.label === 'Escalate…');
    const prompted = await app.post('/api/local/actions', {
      user: 'ben',
      action: escalate?.actionId,
      value: escalate?.value,
    });
    expect(((await prompted.json()) as { messages: Message[] }).messages[0]?.text).toBe(
      `To escalate T-${id}, type: \`escalate T-${id} [tier2|tier3|vendor] <why, for the next tier>\``,
    );

    // The Claim button on the card works like the command.
    const claim = buttonsOf(card)[0];
    const pressed = await app.post('/api/local/actions', { user: 'ben', action: claim?.actionId, value: claim?.value });
    expect(((await pressed.json()) as { messages: Message[] }).messages[0]?.text).toMatch(/is yours now/);
    const [edited] = await inbox('place=%23it-tier1');
    expect(edited?.text).toMatch(
      new RegExp(`T-${id} from alice: Shared drive shows access denied \\(In progress, Tier 1 help desk, ben\\)`),
    );
    expect(buttonsOf(edited).map((b) => b.label)).toEqual(['Assign…', 'Escalate…', 'Resolve…']);

    await say('ben', `escalate T-${id} ACL inherited from the old finance share`);
    const [moved] = await inbox('place=%23it-tier1');
    expect(moved?.text).toMatch(/Tier 2 technical, unassigned/);
    const [tier2] = await inbox('place=%23it-tier2');
    expect(JSON.stringify(tier2)).toContain(
      'Handoff from Tier 1 help desk:** ACL inherited from the old finance share',
    );
    expect(buttonsOf(tier2).map((b) => b.label)).toEqual(['Claim', 'Assign…', 'Escalate…', 'Resolve…']);
  });

  it('tells the requester about questions, replies and the resolution, never about internal notes', async () => {
    const id = await openTicket('dora', 'Printer on floor 2 jams');
    await inbox('user=dora');
    await say('ben', `claim T-${id}`);
    await say('ben', `note T-${id} the fuser is worn, do not tell her yet`);
    await say('ben', `wait T-${id} Which tray jams?`);
    await say('ben', `reply T-${id} A technician is on the way`);
    await say('ben', `resolve T-${id} Replaced the fuser unit`);
    const told = (await inbox('user=dora')).map((m) => m.text).join('\n');
    expect(told).toMatch(new RegExp(`question about T-${id}.*Which tray jams\\?`, 's'));
    expect(told).toMatch(/ben replied on T-\d+.*A technician is on the way/s);
    expect(told).toMatch(new RegExp(`T-${id} is resolved.*Replaced the fuser unit`, 's'));
    // The status message, edited in place as the ticket moved: waiting once, as it stands now.
    expect(told.match(new RegExp(`^T-${id}: Printer on floor 2 jams\nStatus: `, 'gm'))).toHaveLength(1);
    expect(told).toMatch(new RegExp(`^T-${id}: Printer on floor 2 jams\nStatus: Resolved`, 'm'));
    expect(told).not.toMatch(/fuser is worn/);
    expect(await say('dora', `reopen T-${id} still jams`)).toMatch(/open again/);
    expect((await row(id))?.status).toBe('in_progress');
  });

  it('refuses help-desk commands to requesters and staff management to non-admins, and logs both', async () => {
    const id = await openTicket('erin', 'Laptop fan loud');
    expect(await say('erin', `resolve T-${id} fixed it myself`)).toMatch(/only the help desk/);
    expect(await say('ben', 'staff add @erin admin')).toMatch(/only admins/);
    expect(app.log.lines).toContainEqual(
      expect.objectContaining({ msg: 'ticket change refused', refusal: 'not_staff' }),
    );
    expect(app.log.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'staff command refused' }));
    // Someone else's ticket does not exist as far as a requester can tell.
    expect(await say('frank', `reopen T-${id}`)).toMatch(/couldn't find/);
    expect(await say('frank', `history T-${id}`)).toMatch(/couldn't find/);
    expect(await say('ann', 'staff list')).toMatch(/tess .* agent, tier2/);
  });

  it('moves a queue with `queue set`, for admins and leads only', async () => {
    expect(await say('ben', 'queue set tier2 local:#network')).toMatch(/only admins and leads/);
    expect(await say('ann', 'queue set tier2 teams:19:abc')).toMatch(/teams is not connected here/);
    expect(await say('ann', 'queue set tier2 local:#network')).toMatch(/tier2 queue is now local:#network/);
    expect(await say('ben', 'queue list')).toMatch(/tier2: local:#network/);
    const id = await openTicket('hana', 'Switch port flapping');
    await say('ben', `escalate T-${id} layer 2 problem`);
    expect(JSON.stringify(await inbox('place=%23network'))).toContain(`T-${id} from hana: Switch port flapping`);
    await say('ann', 'queue set tier2 local:#it-tier2');
  });

  it('archives closed tickets out of lists, keeping their history, and counts time per tier', async () => {
    app.clock.set(new Date('2026-11-23T09:00:00Z'));
    const id = await openTicket('ivan', 'Keyboard missing keys');
    app.clock.set(new Date('2026-11-23T10:30:00Z'));
    await say('ann', `escalate T-${id} hardware swap`);
    app.clock.set(new Date('2026-11-23T11:00:00Z'));
    await say('ann', `resolve T-${id} New keyboard`);
    expect(await say('ann', `archive T-${id}`)).toMatch(/not closed yet/);
    app.clock.set(new Date('2026-11-27T11:00:00Z'));
    await app.sweep();
    expect(await say('ann', `archive T-${id}`)).toMatch(/archived/);
    expect(await say('ivan', 'mine')).not.toContain(`T-${id}`);
    const history = await say('ivan', `history T-${id}`);
    expect(history).toMatch(/archived/);
    expect(history).toMatch(/Time per tier: Tier 1 1h 30m · Tier 2 30m/);
  });

  it('runs the SLA clock on business hours and stops it while waiting on the requester', async () => {
    // Friday 16:00 in London (GMT in November).
    app.clock.set(new Date('2026-11-20T16:00:00Z'));
    const id = await openTicket('gina', 'Cannot submit expenses');
    await say('ann', `priority T-${id} P2`);
    expect((await row(id))?.resolutionDueAt?.toISOString()).toBe('2026-11-23T16:00:00.000Z');

    await say('ann', `claim T-${id}`);
    app.clock.set(new Date('2026-11-23T10:00:00Z'));
    await say('ann', `wait T-${id} Which browser?`);
    app.clock.set(new Date('2026-11-23T12:00:00Z'));
    expect(await say('gina', `reply T-${id} Edge`)).toMatch(/your answer is on/);
    // Two business hours waited: Monday 16:00 + 2 h of working time is Tuesday 10:00.
    const after = await row(id);
    expect(after?.resolutionDueAt?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(after?.status).toBe('in_progress');
    expect(after?.slaPausedAt).toBeNull();
    expect(await say('ann', `status T-${id}`)).toMatch(/Resolution due: 2026-11-24 10:00 UTC/);
  });

  it("tells a ticket's history in words, at times in the desk's time zone", async () => {
    // Tuesday 1 December, 21:51 in London (GMT in winter: the default business calendar's zone).
    app.clock.set(new Date('2026-12-01T21:51:00Z'));
    const id = await openTicket('kim', 'Monitor flickers');
    await say('ben', `claim T-${id}`);
    await say('ben', `wait T-${id} Which cable do you use?`);
    app.clock.set(new Date('2026-12-02T08:05:00Z'));
    await say('kim', `reply T-${id} HDMI`);
    await say('ben', `escalate T-${id} tier2 needs a new panel`);

    const mine = await say('kim', `history T-${id}`);
    expect(mine).toContain('times in Europe/London');
    expect(mine).toMatch(/- Tue 1 Dec 21:51 · kim · opened the ticket/);
    expect(mine).toMatch(/- Tue 1 Dec 21:51 · ben · claimed it \(in progress\)/);
    expect(mine).toMatch(/ben · asked the requester \(waiting for your reply\): Which cable do you use\?/);
    expect(mine).toMatch(/- Wed 2 Dec 08:05 · kim · requester replied \(in progress again\): HDMI/);
    expect(mine).toMatch(/escalated it from Tier 1 to Tier 2: needs a new panel/);
    // No internal names, no ISO stamps.
    expect(mine).not.toMatch(/in_progress|tier1|→|2026-12-0\dT/);

    const theirs = await say('ben', `history T-${id}`);
    expect(theirs).toMatch(/asked the requester \(waiting for the requester's reply\)/);
  });

  it('knows local people whatever case they type their name in, and lists the help desk by name', async () => {
    expect(await say('ann', 'staff add @Carol tier1')).toMatch(/carol/i);
    // Carol opens the page as "Carol": the same person the admin added as @Carol.
    const id = await openTicket('dana', 'Webcam not detected');
    expect(await say('Carol', `claim T-${id}`)).toMatch(/is yours now/);
    expect(await say('DANA', 'mine')).toContain(`T-${id}`);
    // @CAROL is Carol, who already has it.
    expect(await say('ben', `assign T-${id} @CAROL`)).toMatch(/already is that way: nothing changed/);

    const staff = await say('ann', 'staff list');
    expect(staff).toMatch(/^- Carol \(local\) — agent, tier1$/m);
    expect(staff).toMatch(/^- tess \(local\) — agent, tier2$/m);
    expect(staff).not.toMatch(/local:local:/);
  });

  it("cuts a long subject on the queue card's first line with an ellipsis, keeping the whole of it below", async () => {
    await inbox('place=%23it-tier1');
    const subject = `Outlook ${'keeps asking for my password again '.repeat(5)}`.trim();
    const id = await openTicket('lee', subject);
    const [card] = await inbox('place=%23it-tier1');
    const head = card?.blocks?.[0];
    expect(head?.kind === 'text' && head.text).toMatch(new RegExp(`^\\*\\*T-${id}\\*\\* from lee: Outlook keeps .*…$`));
    expect(head?.kind === 'text' && head.text.length).toBeLessThan(140);
    expect(card?.text).not.toContain(subject);
    expect(JSON.stringify(card?.blocks)).toContain(subject);
  });
});
