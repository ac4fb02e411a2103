import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePeriod } from '../../src/digests/measure-period.ts';
import type { MetricsReport } from '../../src/digests/metrics-report.ts';
import { periodOf } from '../../src/digests/period.ts';
import { defaultSlaPolicies } from '../../src/sla/sla-policy.ts';
import { pulseRanAt, type SeededDesk, seededWeek, seedWeek } from '../support/seeded-week.ts';

const minute = 60_000;
const hour = 60 * minute;
const zeroTiers = { tier1: 0, tier2: 0, tier3: 0, vendor: 0 };
const zeroPriorities = { P1: 0, P2: 0, P3: 0, P4: 0 };
const none = { count: 0, medianMs: null, meanMs: null };

/** Every figure of the seeded week (test/support/seeded-week.ts tells the story), worked out by hand. */
describe('metrics of a known week', () => {
  let desk: SeededDesk;
  let week: MetricsReport;
  let before: MetricsReport;
  beforeAll(async () => {
    desk = await seedWeek();
    const measure = (from: string, to: string) =>
      measurePeriod(desk.app.store.db, periodOf(from, to, 'Europe/London'), defaultSlaPolicies);
    week = await measure(seededWeek.from, seededWeek.to);
    before = await measure(seededWeek.previousFrom, seededWeek.from);
  });
  afterAll(() => desk.app.close());

  it('counts adoption: eight people active, zoe the only one back from before, six questions', () => {
    // Questions: alice, bob, cleo, dave, erin, zoe; frank and gus only opened tickets; cleo's follow-up is
    // the desk's doing, and the staff asked nothing.
    const counts = { activeUsers: 8, newUsers: 7, returningUsers: 1, questions: 6 };
    expect(week.adoption).toEqual({
      ...counts,
      byPlatform: { local: counts },
      byPlace: [
        ...['alice', 'bob', 'cleo', 'dave', 'erin', 'zoe'].map((p) => ({
          place: `local:@${p}`,
          activeUsers: 1,
          questions: 1,
        })),
        { place: 'local:@frank', activeUsers: 1, questions: 0 },
        { place: 'local:@gus', activeUsers: 1, questions: 0 },
      ],
    });
  });

  it('deflects alice, erin and zoe: bob said 👎, cleo opened a ticket within 72 h, dave was declined', () => {
    expect(week.deflection).toEqual({
      questions: 6,
      answered: 4,
      settledByPick: 1,
      unpicked: 0,
      declined: 1,
      deflected: 3,
      deflectionRate: 3 / 6,
      // 👍 alice and zoe, 👎 bob.
      rated: 3,
      helpful: 2,
      helpfulRate: 2 / 3,
    });
  });

  it('counts tickets opened, resolved and left open, by tier and priority as they stood then', () => {
    // Opened: bob, dave, frank (P3 when opened), cleo, gus at Tier 1; the follow-up at Tier 2, where cleo's
    // was resolved; zoe's was the week before.
    expect(week.tickets.opened).toEqual({
      total: 6,
      byTier: { ...zeroTiers, tier1: 5, tier2: 1 },
      byPriority: { ...zeroPriorities, P3: 6 },
    });
    // Resolved: zoe, bob, dave (at Tier 1, after his bounce back), frank (P2, at Tier 2), cleo (Tier 2).
    expect(week.tickets.resolved).toEqual({
      total: 5,
      byTier: { ...zeroTiers, tier1: 3, tier2: 2 },
      byPriority: { ...zeroPriorities, P2: 1, P3: 4 },
    });
    // Open on Sunday night: the follow-up (ann's, at Tier 2) and gus's (moved up by the SLA monitor).
    expect(week.tickets.backlog).toEqual({
      total: 2,
      byTier: { ...zeroTiers, tier2: 2 },
      byPriority: { ...zeroPriorities, P3: 2 },
    });
    expect(before.tickets.backlog.total).toBe(1);
    // zoe's and bob's stayed at Tier 1 without a reopen; dave's went up and was reopened.
    expect(week.tickets.firstContact).toEqual({ count: 2, rate: 2 / 5 });
  });

  it('counts escalations per tier and the bounce-backs', () => {
    expect(week.tickets.escalations).toEqual({
      // dave's and cleo's by tom, frank's and gus's by the SLA monitor.
      total: 4,
      bySlaMonitor: 2,
      perTier: {
        // Five arrived at Tier 1 (dave twice, counted once); four went up from there. Tier 2 had those four and
        // the follow-up, opened there.
        tier1: { arrived: 5, escalated: 4, rate: 4 / 5 },
        tier2: { arrived: 5, escalated: 0, rate: 0 },
        tier3: { arrived: 0, escalated: 0, rate: null },
        vendor: { arrived: 0, escalated: 0, rate: null },
      },
      deescalations: 1,
      reopens: 1,
    });
  });

  it('measures first response and resolution in business hours (Mon–Fri 09:00–17:00)', () => {
    // First responses: dave 20m, cleo 30m, bob 55m, frank 1h (P2), the follow-up Tue 15:00 → Wed 09:30 = 2h30m,
    // zoe Wed 10:05 → Mon 09:30 = 6h55m + Thu 8h + Fri 8h + 30m = 23h25m.
    const responses = [20, 30, 55, 60, 150, 23 * 60 + 25].map((m) => m * minute);
    const p3 = responses.filter((ms) => ms !== hour);
    expect(week.tickets.times.firstResponse).toEqual({
      count: 6,
      medianMs: (55 * minute + hour) / 2,
      meanMs: responses.reduce((a, b) => a + b) / 6,
      byPriority: {
        P1: none,
        P2: { count: 1, medianMs: hour, meanMs: hour },
        P3: { count: 5, medianMs: 55 * minute, meanMs: p3.reduce((a, b) => a + b) / 5 },
        P4: none,
      },
    });
    // Resolutions: bob 1h55m, frank 2h, cleo 5h, dave Mon 09:20 → Wed 10:00 = 7h40m + 8h + 1h = 16h40m,
    // zoe Wed 10:05 → Mon 10:00 = 23h55m.
    const [bob, frank, cleo, dave, zoe] = [115, 120, 300, 1000, 23 * 60 + 55].map((m) => m * minute) as [
      number,
      number,
      number,
      number,
      number,
    ];
    expect(week.tickets.times.resolution).toEqual({
      count: 5,
      medianMs: cleo,
      meanMs: (bob + frank + cleo + dave + zoe) / 5,
      byPriority: {
        P1: none,
        P2: { count: 1, medianMs: frank, meanMs: frank },
        P3: { count: 4, medianMs: (cleo + dave) / 2, meanMs: (bob + cleo + dave + zoe) / 4 },
        P4: none,
      },
    });
  });

  it('holds SLA compliance to the due times: zoe answered late, frank breached; two breaches, one CAPA', () => {
    expect(week.sla).toEqual({
      compliance: {
        resolved: 5,
        met: 3,
        rate: 3 / 5,
        byPriority: {
          P1: { resolved: 0, met: 0, rate: null },
          P2: { resolved: 1, met: 0, rate: 0 },
          P3: { resolved: 4, met: 3, rate: 3 / 4 },
          P4: { resolved: 0, met: 0, rate: null },
        },
      },
      breaches: { total: 2, response: 2, resolution: 0, capaWritten: 1, capaMissing: 1 },
    });
  });

  it('reads satisfaction from the standing scores, the feedback classes, follow-ups and the pulse', () => {
    expect(week.satisfaction).toEqual({
      // Six asks (dave twice); zoe 4, bob 5 (changed from 3), frank 5, cleo 2, dave 3; dave's first unanswered.
      csat: {
        sent: 6,
        skipped: 0,
        responses: 5,
        satisfied: 3,
        csat: 3 / 5,
        average: 19 / 5,
        responseRate: 5 / 6,
        scores: [0, 1, 1, 1, 2],
      },
      // 👍 alice, 👍 zoe, erin's thanks; 👎 bob, cleo's 2.
      feedback: { total: 5, byClass: { appreciation: 3, undertone: 2 } },
      followUps: { opened: 1, open: 1, openOverGrace: 0 },
      // Asked alice and erin (the others had a CSAT this week); alice answered.
      pulse: { runs: 1, sent: 2, answered: 1, responseRate: 1 / 2, lastRunAt: pulseRanAt },
    });
    expect(week.staffing).toEqual({ agents: { ...zeroTiers, tier1: 1, tier2: 1 }, leads: 0, admins: 1 });
  });

  it('keeps the week before as it was, whatever happened since', () => {
    expect(before.adoption).toMatchObject({ activeUsers: 1, newUsers: 1, returningUsers: 0, questions: 1 });
    expect(before.deflection).toMatchObject({ questions: 1, deflected: 0, deflectionRate: 0, helpfulRate: null });
    expect(before.tickets.opened.total).toBe(1);
    expect(before.tickets.resolved.total).toBe(0);
    expect(before.tickets.times.firstResponse).toMatchObject(none);
    expect(before.sla.compliance.rate).toBeNull();
    expect(before.satisfaction.csat).toMatchObject({ sent: 0, responses: 0, csat: null, responseRate: null });
    expect(before.satisfaction.pulse).toMatchObject({ runs: 0, lastRunAt: null });
  });
});
