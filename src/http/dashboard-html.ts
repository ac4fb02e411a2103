import { mondayOf, shiftWeek } from '../digests/iso-week.ts';
import { dashboardCopy } from '../messages/dashboard-copy.ts';
import { tiers } from '../model/tiers.ts';
import { breakdownsHtml } from './dashboard-breakdowns-html.ts';
import type { DashboardData } from './dashboard-data.ts';
import { headlineHtml, maturityHtml } from './dashboard-figures-html.ts';
import { listsHtml } from './dashboard-lists-html.ts';
import { type DashboardQuery, dashboardPlatforms } from './dashboard-query.ts';
import { trendsHtml } from './dashboard-trends-html.ts';
import { esc, page } from './html-page.ts';

const f = dashboardCopy.filters;

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;

/** A plain GET form: the week, and the two filters that narrow breakdowns and lists. */
function filtersHtml(q: DashboardQuery): string {
  const platforms = dashboardPlatforms.map((p) => option(p, f.platformNames[p] ?? p, q.platform === p));
  const tierOptions = tiers.map((t) => option(t, f.tierNames[t], q.tier === t));
  return `<form class="filters" method="get" action="/dashboard" aria-label="${esc(f.heading)}">
<label for="week">${esc(f.week)} <span class="note">(${esc(f.weekHint)})</span>
<input id="week" name="week" value="${esc(q.week)}" pattern="\\d{4}-W\\d{2}" size="9" inputmode="text"></label>
<label for="platform">${esc(f.platform)}
<select id="platform" name="platform">${option('', f.all, q.platform === undefined)}${platforms.join('')}</select></label>
<label for="tier">${esc(f.tier)}
<select id="tier" name="tier">${option('', f.all, q.tier === undefined)}${tierOptions.join('')}</select></label>
<button type="submit">${esc(f.apply)}</button>
</form>`;
}

/** The same filters on another week. */
function weekLink(q: DashboardQuery, week: string, label: string): string {
  const params = new URLSearchParams({ week });
  if (q.platform) params.set('platform', q.platform);
  if (q.tier) params.set('tier', q.tier);
  return `<a href="/dashboard?${esc(params.toString())}">${esc(label)}</a>`;
}

/** The whole dashboard for one week. */
export async function dashboardHtml(d: DashboardData): Promise<string> {
  const trends = await trendsHtml(d.trends);
  const { week } = d.query;
  const lastDay = new Date(Date.parse(`${mondayOf(week)}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  const body = `<header>
<p class="note">${esc(dashboardCopy.site)}</p>
<h1>${esc(dashboardCopy.title)}</h1>
<p>${esc(dashboardCopy.weekHeading(week, d.period.fromDate, lastDay, d.period.timeZone))}</p>
${d.query.badWeek ? `<p class="error" role="alert">${esc(f.badWeek(d.query.badWeek))}</p>` : ''}
<nav class="weeks" aria-label="${esc(f.week)}">${weekLink(d.query, shiftWeek(week, -1), dashboardCopy.previousWeek)} ${weekLink(d.query, shiftWeek(week, 1), dashboardCopy.nextWeek)}</nav>
${filtersHtml(d.query)}
</header>
${headlineHtml(d.comparison)}
${maturityHtml(d.comparison)}
${breakdownsHtml(d)}
${trends}
${listsHtml(d)}
<form method="post" action="/dashboard/logout"><button type="submit">${esc(dashboardCopy.login.logout)}</button></form>`;
  return page(`${dashboardCopy.title}, ${week}`, body);
}

/** What anyone without a login sees: where to log in (and why a link did not work, when one did not). */
export function deniedHtml(linkProblem: boolean): string {
  const c = dashboardCopy.denied;
  return page(
    c.title,
    `<h1>${esc(c.title)}</h1>
<p>${esc(linkProblem ? c.expired : c.text)}</p>
<p><a href="/dashboard/login">${esc(c.loginLink)}</a></p>`,
  );
}
