import type { WeeklyValue } from '../digests/weekly-values.ts';
import { dashboardCopy } from '../messages/dashboard-copy.ts';
import { tableHtml } from './dashboard-table-html.ts';
import { esc } from './html-page.ts';

const c = dashboardCopy.trends;

/**
 * Twelve weeks as a data table, and beside it the figure the chart goes in: `chartSvg` is the inline SVG of the
 * digest's chart once there is one (trusted markup, built by the desk, never from data as text).
 */
export function trendsHtml(values: readonly WeeklyValue[], chartSvg = ''): string {
  const table = tableHtml(
    c.caption,
    [
      { head: c.week, cell: (v: WeeklyValue) => v.week },
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
