import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trendColours } from '../../src/digests/trend-chart-option.ts';
import { trendChartLink } from '../../src/http/chart-route.ts';
import { createLinkSigner } from '../../src/signed-link.ts';
import { readChart } from '../support/chart-reading.ts';
import { decodePng } from '../support/png-pixels.ts';
import { type SeededDesk, seedWeek } from '../support/seeded-week.ts';

const minute = 60_000;

/** GET /charts/trend.png over HTTP on the seeded week (test/support/seeded-week.ts): what a Teams card shows. */
describe('the signed trend chart link', () => {
  let desk: SeededDesk;
  beforeAll(async () => {
    desk = await seedWeek();
  });
  afterAll(() => desk.app.close());

  const inMinutes = (n: number) => new Date(desk.app.clock.now().getTime() + n * minute);
  const link = (chart = { week: '2026-W48', weeks: 8 }, expiresAt = inMinutes(60)) =>
    trendChartLink(desk.app.links, chart, expiresAt);

  it('gives the chart of the eight weeks to the seeded one as a PNG showing its bars and lines', async () => {
    const path = link();
    expect(path).toMatch(/^\/charts\/trend\.png\?week=2026-W48&weeks=8&exp=\d+&sig=[\w-]+$/);
    const res = await desk.app.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
    const chart = readChart(decodePng(Buffer.from(await res.arrayBuffer())));
    // W41 … W48: zoe's one question in W47, the seeded week's six in W48, nothing before.
    const bars = Array.from({ length: 8 }, (_, i) => chart.barHeight(i, 8, trendColours.questions));
    expect(bars.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(bars[6]).toBeGreaterThan(0);
    expect(bars[7]).toBeGreaterThan(5 * (bars[6] ?? 0));
    // Deflection 0 % in W47 and 50 % in W48; CSAT only in W48, at 60 %.
    const near = (rows: number[], share: number) => rows.some((y) => Math.abs(y - chart.yOfShare(share)) <= 4);
    expect(near(chart.rowsOf(6, 8, trendColours.deflection), 0)).toBe(true);
    expect(near(chart.rowsOf(7, 8, trendColours.deflection), 0.5)).toBe(true);
    expect(near(chart.rowsOf(7, 8, trendColours.csat), 0.6)).toBe(true);
    expect(chart.rowsOf(6, 8, trendColours.csat)).toEqual([]);
    expect(chart.rowsOf(3, 8, trendColours.deflection)).toEqual([]);
  });

  it('lets a cache keep the picture until the link expires, and never more than an hour', async () => {
    const soon = await desk.app.get(link(undefined, inMinutes(10)));
    expect(soon.headers.get('cache-control')).toBe('private, max-age=600');
    const late = await desk.app.get(link(undefined, inMinutes(24 * 60)));
    expect(late.headers.get('cache-control')).toBe('private, max-age=3600');
  });

  it('refuses a link that is unsigned, changed, signed elsewhere or expired, with 401 and why', async () => {
    const signed = new URL(link(), desk.app.url);
    const changed = new URL(signed);
    changed.searchParams.set('weeks', '26');
    const elsewhere = trendChartLink(
      createLinkSigner(Buffer.alloc(32, 1)),
      { week: '2026-W48', weeks: 8 },
      inMinutes(60),
    );
    const notSigned = 'this chart link is not signed: open the chart from the digest or the dashboard';
    const notValid = 'this chart link is not valid here (it was changed, or signed by another desk)';
    for (const [path, error] of [
      ['/charts/trend.png?week=2026-W48&weeks=8', notSigned],
      [`${changed.pathname}${changed.search}`, notValid],
      [elsewhere, notValid],
      [
        link(undefined, inMinutes(-1)),
        'this chart link has expired: open the latest digest or the dashboard for a fresh one',
      ],
    ] as const) {
      const res = await desk.app.get(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error });
    }
  });

  it('refuses a link once its time has passed', async () => {
    const path = link(undefined, inMinutes(5));
    expect((await desk.app.get(path)).status).toBe(200);
    const now = desk.app.clock.now();
    desk.app.clock.set(inMinutes(6));
    try {
      expect((await desk.app.get(path)).status).toBe(401);
    } finally {
      desk.app.clock.set(now);
    }
  });

  it.each([
    [{ week: '2026-W54', weeks: 8 }, 'week must be an ISO week like 2026-W48 (got "2026-W54")'],
    [{ week: 'last week', weeks: 8 }, 'week must be an ISO week like 2026-W48 (got "last week")'],
    [{ week: '2026-W48', weeks: 0 }, 'weeks must be a whole number from 1 to 26 (got "0")'],
    [{ week: '2026-W48', weeks: 27 }, 'weeks must be a whole number from 1 to 26 (got "27")'],
  ])('answers a signed link for %o with 400 and what to fix', async (chart, error) => {
    const res = await desk.app.get(link(chart));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error });
  });
});
