import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { openPostgres } from '../../src/store/open-store.ts';
import { slaBreaches, ticketEvents, tickets } from '../../src/store/schema.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const monday = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);

describe('SLA monitor', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ADMINS: 'local:ann', QUEUE_TIER2: 'local:#it-tier2', QUEUE_VENDOR: 'local:#vendors' });
    for (const c of ['staff add @ben tier1', 'staff add @tess tier2', 'staff add @lea lead']) await say('ann', c);
  });
  afterAll(() => app.close());

  async function say(user: string, text: string): Promise<string> {
    const res = await app.post('/api/local/messages', { user, text });
    return ((await res.json()) as { messages: Message[] }).messages.map((m) => m.text).join('\n');
  }
  const inbox = async (query: string) =>
    ((await (await app.get(`/api/local/inbox?${query}`)).json()) as { messages: Message[] }).messages
      .map((m) => m.text)
      .join('\n');
  const row = async (id: number) => (await app.store.db.select().from(tickets).where(eq(tickets.id, id)))[0];
  const openP1 = async (user: string, subject: string) => {
    const id = Number(/T-(\d+)/.exec(await say(user, `ticket ${subject}`))?.[1]);
    await say('ann', `priority T-${id} P1`);
    return id;
  };
  const drain = async () => {
    for (const q of ['place=%23it-tier1', 'place=%23it-tier2', 'place=%23vendors', 'user=ben', 'user=lea', 'user=tess'])
      await inbox(q);
  };

  it('warns at 75% once, then on breach escalates once, records the breach and asks for a CAPA', async () => {
    app.clock.set(monday('09:00'));
    const id = await openP1('alice', 'Payroll system down');
    await say('ben', `claim T-${id}`);
    expect((await row(id))?.resolutionWarnAt?.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    await drain();

    app.clock.set(monday('11:59'));
    expect((await app.sweep()).warned).toBe(0);
    app.clock.set(monday('12:00'));
    expect((await app.sweep()).warned).toBe(1);
    expect(await inbox('user=ben')).toMatch(
      new RegExp(`⏰ T-${id} \\(P1, Payroll system down\\): 75% of the resolution time`),
    );
    expect(await inbox('place=%23it-tier1')).toMatch(/75% of the resolution time/);
    expect((await app.sweep()).warned).toBe(0);

    app.clock.set(monday('13:00'));
    expect((await app.sweep()).breached).toBe(1);
    expect((await app.sweep()).breached).toBe(0);
    const after = await row(id);
    expect(after).toMatchObject({ tier: 'tier2', assigneeId: null, status: 'new' });
    expect(await inbox('user=ben')).toMatch(/🚨 T-\d+ .* missed its resolution target/);
    expect(await inbox('place=%23it-tier2')).toMatch(new RegExp(`T-${id} from alice: Payroll system down`));
    const breaches = await app.store.db.select().from(slaBreaches).where(eq(slaBreaches.ticketId, id));
    expect(breaches).toEqual([
      expect.objectContaining({ target: 'resolution', tier: 'tier1', action: 'escalated', capa: null }),
    ]);
    const history = await say('tess', `history T-${id}`);
    expect(history).toMatch(/- Mon 23 Nov 12:00 · Tierdesk · SLA warning \(resolution\), 75% of the time used/);
    expect(history).toMatch(/- Mon 23 Nov 13:00 · Tierdesk · SLA missed \(resolution\), moved up a tier/);
    expect(history).toMatch(
      /Tierdesk · escalated it from Tier 1 to Tier 2: SLA: resolution target missed \(due Mon 23 Nov 13:00\)/,
    );

    expect(
      await say('ben', `capa T-${id} Cause: no on-call cover at lunch. Corrective: escalated. Preventive: lunch rota.`),
    ).toMatch(/Recorded the CAPA/);
    expect(await say('ben', `capa T-${id} again`)).toMatch(/no missed SLA waiting/);
    expect(await say('alice', `capa T-${id} x`)).toMatch(/only the help desk/);
    expect((await app.store.db.select().from(slaBreaches).where(eq(slaBreaches.ticketId, id)))[0]?.capa).toMatch(
      /lunch rota/,
    );
  });

  it('escalates a ticket nobody answered in time, and never one waiting on its requester', async () => {
    app.clock.set(monday('09:00'));
    const silent = await openP1('carl', 'VPN concentrator alarm');
    const waiting = await openP1('dana', 'Badge reader offline');
    await say('ben', `wait T-${waiting} Which door?`);
    app.clock.set(monday('09:16'));
    await app.sweep();
    expect(await row(silent)).toMatchObject({ tier: 'tier2', responseBreachedAt: monday('09:16') });
    expect(await row(waiting)).toMatchObject({ tier: 'tier1', responseBreachedAt: null, resolutionBreachedAt: null });
  });

  it('pages the leads when a ticket at the top tier breaches', async () => {
    app.clock.set(monday('09:00'));
    const id = await openP1('erin', 'Storage array degraded');
    await say('ann', `vendor T-${id} Acme CASE-42`);
    await drain();
    app.clock.set(monday('13:00'));
    await app.sweep();
    expect(await row(id)).toMatchObject({ tier: 'vendor' });
    expect(await inbox('user=lea')).toMatch(/no higher tier: the leads are paged/);
    const [breach] = await app.store.db.select().from(slaBreaches).where(eq(slaBreaches.ticketId, id));
    expect(breach?.action).toBe('paged_lead');
  });

  it('closes resolved tickets after AUTO_CLOSE_DAYS and reminds assignees of stale tickets once', async () => {
    app.clock.set(monday('09:00'));
    const resolved = Number(/T-(\d+)/.exec(await say('fay', 'ticket Mouse double-clicks'))?.[1]);
    const stale = Number(/T-(\d+)/.exec(await say('gus', 'ticket Monitor flickers'))?.[1]);
    await say('ben', `claim T-${resolved}`);
    await say('ben', `resolve T-${resolved} New mouse sent`);
    await say('ben', `claim T-${stale}`);
    await drain();
    // Wednesday noon: over a day untouched, not yet three days since the resolution.
    app.clock.set(new Date('2026-11-25T12:00:00Z'));
    expect((await app.sweep()).reminded).toBe(1);
    expect(await inbox('user=ben')).toMatch(new RegExp(`👋 T-${stale} \\(Monitor flickers\\) has not changed`));
    expect((await app.sweep()).reminded).toBe(0);
    expect(await row(resolved)).toMatchObject({ status: 'resolved' });
    // Thursday, three days after it was resolved.
    app.clock.set(new Date('2026-11-26T09:00:00Z'));
    await app.sweep();
    expect(await row(resolved)).toMatchObject({ status: 'closed' });
    const events = await app.store.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, resolved));
    expect(events.map((e) => e.kind)).toContain('closed');
  });

  it('breaches exactly once when two processes sweep at the same moment', async () => {
    app.clock.set(monday('09:00'));
    const id = await openP1('hal', 'Email delayed for everyone');
    await say('ben', `claim T-${id}`); // only the resolution target is left to miss
    // On Postgres the second sweeper is another app on its own connections, as a second replica would be.
    const connection = app.store.jobConnection;
    const other =
      'connectionString' in connection
        ? await startTestApp({ ADMINS: 'local:ann' }, openPostgres(connection.connectionString))
        : app;
    try {
      app.clock.set(monday('13:00'));
      other.clock.set(monday('13:00'));
      const [a, b] = await Promise.all([app.sweep(), other.sweep()]);
      expect(a.breached + b.breached).toBeGreaterThanOrEqual(1);
      expect(await app.store.db.select().from(slaBreaches).where(eq(slaBreaches.ticketId, id))).toHaveLength(1);
      expect(await row(id)).toMatchObject({ tier: 'tier2' });
      const escalations = (await app.store.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, id))).filter(
        (e) => e.kind === 'escalated',
      );
      expect(escalations).toHaveLength(1);
    } finally {
      if (other !== app) {
        await other.close();
        await other.store.close();
      }
    }
  });
});

describe('SLA sweep as scheduled work', () => {
  it('runs through pg-boss on the same database', async () => {
    const app = await startTestApp({ JOBS_ENABLED: 'true', ADMINS: 'local:ann' });
    try {
      app.clock.set(monday('09:00'));
      const res = await app.post('/api/local/messages', { user: 'ivy', text: 'ticket Phones dead' });
      const id = Number(/T-(\d+)/.exec(JSON.stringify(await res.json()))?.[1]);
      await app.post('/api/local/messages', { user: 'ann', text: `priority T-${id} P1` });
      await app.post('/api/local/messages', { user: 'ann', text: `claim T-${id}` });
      app.clock.set(monday('13:00'));
      await app.jobs?.runNow('sla-sweep');
      const until = Date.now() + 20_000;
      let tier = 'tier1';
      while (tier === 'tier1' && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 200));
        tier = (await app.store.db.select().from(tickets).where(eq(tickets.id, id)))[0]?.tier ?? tier;
      }
      expect(tier).toBe('tier2');
    } finally {
      await app.close();
    }
  });
});
