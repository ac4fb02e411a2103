import type { HeadlineKey } from '../digests/headline-figures.ts';
import type { PeriodComparison } from '../digests/week-over-week.ts';
import { type DashboardFigure, dashboardCopy } from '../messages/dashboard-copy.ts';
import { esc } from './html-page.ts';

const c = dashboardCopy.headline;
const rates = new Set<HeadlineKey>([
  'deflectionRate',
  'helpfulRate',
  'firstContactResolution',
  'slaCompliance',
  'csat',
]);
const shown = Object.keys(c.names) as DashboardFigure[];
/** Figures where a rise is bad news: their arrow up is coloured as a warning. */
const lowerIsBetter = new Set<HeadlineKey>(['backlog', 'breaches']);

const value = (key: HeadlineKey, v: number | null) =>
  v === null ? '—' : rates.has(key) ? dashboardCopy.percent(v) : String(v);

/** ▲ up 5 / ▼ down 12 pts / no change; a rate's change is in percentage points. */
function change(key: HeadlineKey, delta: number | null): string {
  if (delta === null) return `<span class="note">${esc(c.unknown)}</span>`;
  const size = rates.has(key) ? `${Math.abs(Math.round(delta * 100))} pts` : String(Math.abs(delta));
  if (Math.abs(delta) < 1e-9) return `<span aria-hidden="true">→</span> ${esc(c.same)}`;
  const [arrow, word] = delta > 0 ? ['▲', c.up] : ['▼', c.down];
  const cls = delta > 0 !== lowerIsBetter.has(key) ? 'better' : 'worse';
  return `<span class="${cls}"><span aria-hidden="true">${arrow}</span> ${esc(word)} ${esc(size)}</span>`;
}

/** The week's headline figures beside the week before's, desk-wide whatever the filters say. */
export function headlineHtml(cmp: PeriodComparison): string {
  const rows = shown.map(
    (key) =>
      `<tr data-figure="${esc(key)}"><th scope="row">${esc(c.names[key])}</th><td class="n">${esc(value(key, cmp.headline[key]))}</td><td class="n">${esc(value(key, cmp.previousHeadline[key]))}</td><td>${change(key, cmp.changes[key].delta)}</td></tr>`,
  );
  return `<section aria-labelledby="headline">
<h2 id="headline">${esc(c.heading)}</h2>
<p class="note">${esc(c.deskWide)}</p>
<div class="scroll"><table>
<caption>${esc(c.caption)}</caption>
<thead><tr><th scope="col">${esc(c.figure)}</th><th scope="col" class="n">${esc(c.thisWeek)}</th><th scope="col" class="n">${esc(c.lastWeek)}</th><th scope="col">${esc(c.change)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
</section>`;
}

/** The maturity level and the one or two shortfalls that hold it there. */
export function maturityHtml(cmp: PeriodComparison): string {
  const m = dashboardCopy.maturity;
  const { level, name, heldBy } = cmp.maturity;
  const held =
    heldBy.length === 0
      ? `<p>${esc(m.top)}</p>`
      : `<p>${esc(m.heldBy)}</p>\n<ul>${heldBy.map((h) => `<li>${esc(h.text)}</li>`).join('')}</ul>`;
  return `<section aria-labelledby="maturity">
<h2 id="maturity">${esc(m.heading)}</h2>
<p class="level"><strong>${esc(m.level(level, name))}</strong></p>
${held}
</section>`;
}
