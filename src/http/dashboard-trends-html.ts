import { trendChartSvg } from '../digests/trend-chart.ts';
import type { WeekPoint } from '../digests/weekly-series.ts';
import { dashboardCopy } from '../messages/dashboard-copy.ts';
import { tableHtml } from './dashboard-table-html.ts';
import { esc } from './html-page.ts';

const c = dashboardCopy.trends;

/** The chart as drawn on the page: the digest's own definition, scaled down to fit a phone by the page's CSS. */
const chartSize = { width: 640, height: 320 };

/**
 * The weeks as the digest's chart (inline SVG, drawn by the desk from numbers only) and, beside it, the same
 * values as a data table for those who cannot see the chart.
 */
export async function trendsHtml(values: readonly WeekPoint[]): Promise<string> {
  const chartSvg = await trendChartSvg(values, chartSize);
  const table = tableHtml(
    c.caption,
    [
      { head: c.week, cell: (v: WeekPoint) => v.week },
      { head: c.questions, numeric: true, cell: (v) => String(v.questions) },
      { head: c.deflection, numeric: true, cell: (v) => dashboardCopy.percent(v.deflectionRate) },
      { head: c.csat, numeric: true, cell: (v) => dashboardCopy.percent(v.csat) },
    ],
    values,
  );
  return `<section aria-labelledby="trends">
<h2 id="trends">${esc(c.heading)}</h2>
<div class="trends">
<figure class="trend-chart" aria-label="${esc(c.chartLabel)}">${chartSvg}</figure>
${table}
</div>
</section>`;
}
