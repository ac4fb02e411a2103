import type { UserCounts } from '../digests/adoption-metrics.ts';
import type { SliceRow } from '../digests/ticket-slices.ts';
import { dashboardCopy } from '../messages/dashboard-copy.ts';
import { type Priority, priorities } from '../model/priorities.ts';
import { type Tier, tiers } from '../model/tiers.ts';
import type { DashboardData } from './dashboard-data.ts';
import { type Column, tableHtml } from './dashboard-table-html.ts';
import { esc } from './html-page.ts';

const c = dashboardCopy.breakdowns;
const f = dashboardCopy.filters;
const num = (n: number) => String(n);

const ticketColumns = <K extends string>(head: string, name: (k: K) => string): Column<[K, SliceRow]>[] => [
  { head, cell: ([k]) => name(k) },
  { head: c.opened, numeric: true, cell: ([, r]) => num(r.opened) },
  { head: c.resolved, numeric: true, cell: ([, r]) => num(r.resolved) },
  { head: c.backlog, numeric: true, cell: ([, r]) => num(r.backlog) },
];

/**
 * By platform (people and questions), by tier and by priority (tickets), and SLA compliance per priority: the
 * platform filter narrows all of them, the tier filter the ticket tables.
 */
export function breakdownsHtml(d: DashboardData): string {
  const { platform, tier } = d.query;
  const byPlatform = Object.entries(d.comparison.current.adoption.byPlatform).filter(
    ([p]) => platform === undefined || p === platform,
  );
  const platformTable =
    byPlatform.length === 0
      ? `<p>${esc(c.nobody)}</p>`
      : tableHtml<[string, UserCounts]>(
          c.byPlatform,
          [
            { head: c.platform, cell: ([p]) => f.platformNames[p] ?? p },
            { head: c.activeUsers, numeric: true, cell: ([, u]) => num(u.activeUsers) },
            { head: c.newUsers, numeric: true, cell: ([, u]) => num(u.newUsers) },
            { head: c.questions, numeric: true, cell: ([, u]) => num(u.questions) },
          ],
          byPlatform,
        );
  const tierRows = tiers
    .filter((t) => tier === undefined || t === tier)
    .map((t): [Tier, SliceRow] => [t, d.slice.byTier[t]]);
  const priorityRows = priorities.map((p): [Priority, SliceRow] => [p, d.slice.byPriority[p]]);
  return `<section aria-labelledby="breakdowns">
<h2 id="breakdowns">${esc(c.heading)}</h2>
${narrowedNote(d)}
${platformTable}
${tier === undefined ? '' : `<p class="note">${esc(c.byPlatformNote)}</p>`}
${tableHtml(
  c.byTier,
  ticketColumns<Tier>(c.tier, (t) => f.tierNames[t]),
  tierRows,
)}
${tableHtml(
  c.byPriority,
  ticketColumns<Priority>(c.priority, (p) => p),
  priorityRows,
)}
${tableHtml<[Priority, SliceRow]>(
  c.slaByPriority,
  [
    { head: c.priority, cell: ([p]) => p },
    { head: c.resolved, numeric: true, cell: ([, r]) => num(r.resolved) },
    { head: c.met, numeric: true, cell: ([, r]) => num(r.slaMet) },
    { head: c.compliance, numeric: true, cell: ([, r]) => dashboardCopy.percent(r.slaCompliance) },
  ],
  priorityRows,
)}
</section>`;
}

/** "Narrowed to Slack, Tier 2 help desk." when a filter is on; nothing otherwise. */
export function narrowedNote(d: DashboardData): string {
  const parts = [
    d.query.platform && (f.platformNames[d.query.platform] ?? d.query.platform),
    d.query.tier && f.tierNames[d.query.tier],
  ].filter((p): p is string => Boolean(p));
  return parts.length === 0 ? '' : `<p class="note">${esc(f.narrowed(parts.join(', ')))}</p>`;
}
