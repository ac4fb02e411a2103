import { dashboardCopy } from '../messages/dashboard-copy.ts';
import { toTicketRef } from '../model/ticket.ts';
import { narrowedNote } from './dashboard-breakdowns-html.ts';
import type { DashboardData } from './dashboard-data.ts';
import { type Column, tableHtml } from './dashboard-table-html.ts';
import { esc } from './html-page.ts';

const c = dashboardCopy.lists;

/** One list that opens and closes without script; an empty one says so instead of showing a bare table. */
function drillDown<R>(id: string, summary: string, note: string, caption: string, cols: Column<R>[], rows: R[]) {
  const body = rows.length === 0 ? `<p>${esc(c.empty)}</p>` : tableHtml(caption, cols, rows);
  return `<details id="${id}">
<summary>${esc(summary)}</summary>
${note ? `<p class="note">${esc(note)}</p>` : ''}
${body}
</details>`;
}

/** Knowledge gaps, SLA breaches with their CAPA, low scores, and articles past their review date. */
export function listsHtml(d: DashboardData): string {
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: d.period.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const at = (date: Date) => when.format(date);
  return `<section aria-labelledby="lists">
<h2 id="lists">${esc(c.heading)}</h2>
${narrowedNote(d)}
${drillDown(
  'gaps',
  c.gaps(d.gaps.length),
  c.gapsNote,
  c.gapsCaption,
  [
    { head: c.examples, cell: (g) => g.examples.join(' · ') },
    { head: c.asked, numeric: true, cell: (g) => String(g.count) },
    { head: c.suggested, cell: (g) => g.suggestedTitle ?? g.suggested ?? '—' },
  ],
  d.gaps,
)}
${drillDown(
  'breaches',
  c.breaches(d.breaches.length),
  '',
  c.breachesCaption,
  [
    { head: c.ticket, cell: (b) => `${toTicketRef(b.ticketId)} ${b.subject}` },
    { head: c.target, cell: (b) => c.targets[b.target] ?? b.target },
    { head: c.when, cell: (b) => at(b.breachedAt) },
    { head: c.capa, cell: (b) => b.capa ?? c.capaMissing },
  ],
  d.breaches,
)}
${drillDown(
  'low-scores',
  c.lowScores(d.lowScores.length),
  '',
  c.lowScoresCaption,
  [
    {
      head: c.kind,
      cell: (s) => `${c.kinds[s.kind] ?? s.kind}${s.ticketId === null ? '' : ` ${toTicketRef(s.ticketId)}`}`,
    },
    { head: c.score, numeric: true, cell: (s) => String(s.score) },
    { head: c.who, cell: (s) => s.name ?? c.anonymous },
    { head: c.when, cell: (s) => at(s.answeredAt) },
    { head: c.comment, cell: (s) => s.comment ?? c.noComment },
  ],
  d.lowScores,
)}
${drillDown(
  'stale',
  c.stale(d.stale.length),
  c.staleNote,
  c.staleCaption,
  [
    { head: c.article, cell: (a) => a.title },
    { head: c.owner, cell: (a) => a.owner ?? c.noOwner },
    { head: c.reviewBy, cell: (a) => a.reviewBy ?? '' },
  ],
  d.stale,
)}
</section>`;
}
