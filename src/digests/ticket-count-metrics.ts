import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Priority, priorities } from '../model/priorities.ts';
import { type Tier, tiers } from '../model/tiers.ts';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, queryRows, shareOf } from './query-rows.ts';
import {
  openAt,
  openingPriority,
  openingTier,
  priorityAsOf,
  ticketsMayHaveBeenOpenAt,
  tierAsOf,
  tierMoves,
} from './ticket-as-of-sql.ts';

/** A number of tickets, and the same by the tier and priority each had at the moment counted. */
export interface TicketBreakdown {
  total: number;
  byTier: Record<Tier, number>;
  byPriority: Record<Priority, number>;
}

export interface TicketCounts {
  /** Opened in the period, by the tier and priority they were opened with. */
  opened: TicketBreakdown;
  /** Resolved in the period (each ticket once, at its last resolution in it), by tier and priority then. */
  resolved: TicketBreakdown;
  /** Open at the period's end, by tier and priority then. */
  backlog: TicketBreakdown;
  /** Resolved at Tier 1 with no escalation and no reopen before: the share of `resolved`. */
  firstContact: { count: number; rate: number | null };
}

const groupRow = z.object({ tier: z.enum(tiers), priority: z.enum(priorities), n: count, fcr: count });

function breakdown(rows: readonly z.infer<typeof groupRow>[]): TicketBreakdown {
  const out: TicketBreakdown = {
    total: 0,
    byTier: Object.fromEntries(tiers.map((t) => [t, 0])) as Record<Tier, number>,
    byPriority: Object.fromEntries(priorities.map((p) => [p, 0])) as Record<Priority, number>,
  };
  for (const r of rows) {
    out.total += r.n;
    out.byTier[r.tier] += r.n;
    out.byPriority[r.priority] += r.n;
  }
  return out;
}

export async function measureTicketCounts(db: DbOrTx, period: Period): Promise<TicketCounts> {
  const [from, to] = [instant(period.from), instant(period.to)];
  const opened = await queryRows(
    db,
    sql`select x.tier, x.priority, count(*)::int as n, 0 as fcr from (
        select ${openingTier} as tier, ${openingPriority} as priority from tickets t
        where t.created_at >= ${from} and t.created_at < ${to}) x
      group by x.tier, x.priority`,
    groupRow,
  );
  // Each ticket at its last resolution in the period; `r` is that event.
  const resolved = await queryRows(
    db,
    sql`select x.tier, x.priority, count(*)::int as n, count(*) filter (where x.fcr)::int as fcr from (
        select ${tierAsOf(sql`e.id < r.id`)} as tier, ${priorityAsOf(sql`e.id < r.id`)} as priority,
          -- Never moved between tiers before, so resolved in the tier it was opened in.
          (${openingTier} = 'tier1' and not exists (
            select 1 from ticket_events b where b.ticket_id = t.id and b.id < r.id
              and (b.kind in ${tierMoves} or b.kind = 'reopened'))) as fcr
        from (select distinct on (ticket_id) ticket_id, id from ticket_events
              where kind = 'resolved' and at >= ${from} and at < ${to} order by ticket_id, id desc) r
        join tickets t on t.id = r.ticket_id) x
      group by x.tier, x.priority`,
    groupRow,
  );
  const backlog = await queryRows(
    db,
    sql`select x.tier, x.priority, count(*)::int as n, 0 as fcr from (
        select ${tierAsOf(sql`e.at < ${to}`)} as tier, ${priorityAsOf(sql`e.at < ${to}`)} as priority
        from ${ticketsMayHaveBeenOpenAt(period.to)} where ${openAt(period.to)}) x
      group by x.tier, x.priority`,
    groupRow,
  );
  const resolvedCounts = breakdown(resolved);
  const fcr = resolved.reduce((n, r) => n + r.fcr, 0);
  return {
    opened: breakdown(opened),
    resolved: resolvedCounts,
    backlog: breakdown(backlog),
    firstContact: { count: fcr, rate: shareOf(fcr, resolvedCounts.total) },
  };
}
