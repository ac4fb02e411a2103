import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { svgToPng } from '../digests/chart-png.ts';
import { parseIsoWeek } from '../digests/iso-week.ts';
import { trendChartSvg } from '../digests/trend-chart.ts';
import { measureWeeklySeries } from '../digests/weekly-series.ts';
import type { LinkCheck, LinkSigner } from '../signed-link.ts';
import type { Db } from '../store/db.ts';
import type { ImageRenderer } from './desk-images.ts';
import { HttpError, type Route } from './http-server.ts';

export const trendChartPath = '/charts/trend.png';

/** The most weeks one chart shows: half a year. */
export const maxChartWeeks = 26;
/** What a chart is drawn at: legible in a Teams card and a Slack thread, small enough to fetch at once. */
export const trendChartSize = { width: 640, height: 320 } as const;
/** However long a link is valid, a cache keeps the picture at most this long: the week's figures move. */
const maxCacheSeconds = 3600;

export interface TrendChartRouteDeps {
  db: Db;
  links: LinkSigner;
  /** COE_TIME_ZONE: weeks are local weeks there. */
  timeZone: string;
  now: () => Date;
}

/** The signed path of a chart of `weeks` weeks up to `week`; callers put PUBLIC_URL in front. */
export function trendChartLink(signer: LinkSigner, chart: { week: string; weeks: number }, expiresAt: Date): string {
  const query = new URLSearchParams({ week: chart.week, weeks: String(chart.weeks) });
  return signer.sign(`${trendChartPath}?${query.toString()}`, expiresAt);
}

const refusals: Record<Exclude<LinkCheck, { ok: true }>['problem'], string> = {
  unsigned: 'this chart link is not signed: open the chart from the digest or the dashboard',
  bad_signature: 'this chart link is not valid here (it was changed, or signed by another desk)',
  expired: 'this chart link has expired: open the latest digest or the dashboard for a fresh one',
};

const query = z.object({ week: z.string().default(''), weeks: z.string().default('') });

function readChart(url: URL): { week: string; weeks: number } {
  const given = query.parse(Object.fromEntries(url.searchParams));
  const week = parseIsoWeek(given.week);
  if (!week) throw new HttpError(400, `week must be an ISO week like 2026-W48 (got "${given.week.slice(0, 40)}")`);
  const weeks = /^\d{1,3}$/.test(given.weeks) ? Number(given.weeks) : Number.NaN;
  if (!(weeks >= 1 && weeks <= maxChartWeeks))
    throw new HttpError(
      400,
      `weeks must be a whole number from 1 to ${maxChartWeeks} (got "${given.weeks.slice(0, 40)}")`,
    );
  return { week, weeks };
}

function sendPng(res: ServerResponse, png: Buffer, maxAge: number): void {
  res.writeHead(200, {
    'content-type': 'image/png',
    'content-length': png.length,
    'cache-control': `private, max-age=${maxAge}`,
    'x-content-type-options': 'nosniff',
  });
  res.end(png);
}

/** The chart a verified link asks for, as a PNG. */
async function renderChart(deps: TrendChartRouteDeps, url: URL): Promise<Buffer> {
  const { week, weeks } = readChart(url);
  const points = await measureWeeklySeries(deps.db, { lastWeek: week, weeks, timeZone: deps.timeZone });
  return svgToPng(await trendChartSvg(points, trendChartSize));
}

/** The same chart for a platform that uploads it as a file (Slack), named for its week. */
export const trendChartImage = (deps: TrendChartRouteDeps): ImageRenderer => ({
  path: trendChartPath,
  async render(url) {
    return { bytes: await renderChart(deps, url), filename: `tierdesk-trend-${readChart(url).week}.png` };
  },
});

/**
 * GET /charts/trend.png?week=2026-W48&weeks=8&exp=…&sig=…: the trend chart as a PNG, for anyone holding a
 * link the desk signed (a Teams card's image cannot send a token). The signature is checked before anything
 * else is read, so a stranger learns nothing from the answer but that the link is not good.
 */
export function trendChartRoute(deps: TrendChartRouteDeps): Route {
  return {
    method: 'GET',
    path: trendChartPath,
    async handle(_req, res, url) {
      const now = deps.now();
      const check = deps.links.verify(url, now);
      if (!check.ok) throw new HttpError(401, refusals[check.problem]);
      const png = await renderChart(deps, url);
      const secondsLeft = Math.floor((check.expiresAt.getTime() - now.getTime()) / 1000);
      sendPng(res, png, Math.max(0, Math.min(maxCacheSeconds, secondsLeft)));
    },
  };
}
