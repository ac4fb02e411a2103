import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededDesk, seededWeek, seedWeek } from '../support/seeded-week.ts';
import { startTestApp } from '../support/test-app.ts';

const token = 'coe-lead-token-0123456789abcdef';

/** GET /api/metrics/summary over HTTP, on the seeded week (its figures are worked out in metrics.test.ts). */
describe('the metrics summary API', () => {
  let desk: SeededDesk;
  beforeAll(async () => {
    desk = await seedWeek({ DASHBOARD_TOKEN: token });
  });
  afterAll(() => desk.app.close());

  const summary = (query: string, authorization?: string, url = desk.app.url) =>
    fetch(new URL(`api/metrics/summary${query}`, url), authorization ? { headers: { authorization } } : {});
  const week = `?from=${seededWeek.from}&to=${seededWeek.to}`;

  it('gives a lead holding the token the week’s headline figures, rates as 0–1', async () => {
    const res = await summary(week, `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      from: '2026-11-23',
      to: '2026-11-30',
      time_zone: 'Europe/London',
      questions: 6,
      active_users: 8,
      new_users: 7,
      deflection_rate: 0.5,
      helpful_rate: 2 / 3,
      tickets_opened: 6,
      tickets_resolved: 5,
      backlog: 2,
      first_contact_resolution: 0.4,
      sla_compliance: 0.6,
      breaches: 2,
      csat: 0.6,
      csat_responses: 5,
      maturity_level: 300,
      returning_users: 1,
      escalations: 4,
      csat_average: 3.8,
      csat_response_rate: 5 / 6,
      maturity: { level: 300, name: 'defined', held_by: ['SLAs defined but compliance 60 % (needs 90 %)'] },
    });
  });

  it('compares with the week before, where nothing was resolved or rated yet (null, not 0)', async () => {
    const body = (await (await summary(week, `Bearer ${token}`)).json()) as Record<string, Record<string, unknown>>;
    expect(body.previous).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-23',
      questions: 1,
      active_users: 1,
      new_users: 1,
      deflection_rate: 0,
      helpful_rate: null,
      tickets_opened: 1,
      tickets_resolved: 0,
      backlog: 1,
      first_contact_resolution: null,
      sla_compliance: null,
      breaches: 0,
      csat: null,
      csat_responses: 0,
      maturity_level: 100,
    });
    expect(body.change).toMatchObject({
      questions: 5,
      deflection_rate: 0.5,
      backlog: 1,
      sla_compliance: null,
      maturity_level: 200,
    });
  });

  it('refuses anyone without the token, or with another, with 401 and a Bearer challenge', async () => {
    for (const authorization of [undefined, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Basic ${token}`]) {
      const res = await summary(week, authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(JSON.stringify(await res.json())).not.toContain('"questions"');
    }
  });

  it.each([
    ['?from=2026-02-30&to=2026-03-02', 'from must be a date like 2026-11-23 (got "2026-02-30")'],
    ['?from=2026-11-23&to=next-monday', 'to must be a date like 2026-11-23 (got "next-monday")'],
    ['?from=2026-11-23', 'give the period as ?from=YYYY-MM-DD&to=YYYY-MM-DD (to is the first day not counted)'],
    [
      '?from=2026-11-30&to=2026-11-23',
      'to (2026-11-23) must be after from (2026-11-30); to is the first day not counted',
    ],
    ['?from=2025-01-01&to=2026-01-03', 'that is 367 days; a summary covers at most 366'],
  ])('answers %s with 400 and what to fix', async (query, error) => {
    const res = await summary(query, `Bearer ${token}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error });
  });

  it('is closed to everyone, the right token or not, when no DASHBOARD_TOKEN is set', async () => {
    const untokened = await startTestApp({}, desk.app.store);
    try {
      const res = await summary(week, `Bearer ${token}`, untokened.url);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'the metrics API is off: set DASHBOARD_TOKEN to use it' });
    } finally {
      await untokened.close();
    }
  });
});
