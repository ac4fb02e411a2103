import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Priority, priorities } from '../model/priorities.ts';
import { type Tier, tiers } from '../model/tiers.ts';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, queryRows, shareOf } from './query-rows.ts';
import { mayHaveBeenOpenAt, openAt, openingPriority, openingTier, priorityAsOf, tierAsOf } from './ticket-as-of-sql.ts';

/** What the dashboard narrows its breakdowns to: tickets opened on one platform, and/or in one tier. */
export interface SliceFilter {
  platform?: string | undefined;
  tier?: Tier | undefined;
}

export interface SliceRow {
  opened: number;
  resolved: number;
  backlog: number;
  /** Of the resolved, those that met both SLA targets (as in sla-metrics.ts), and that share. */
  slaMet: number;
  slaCompliance: number | null;
}

export interface TicketSlice {
  byTier: Record<Tier, SliceRow>;
  byPriority: Record<Priority, SliceRow>;
}

const row = z.object({ tier: z.enum(tiers), priority: z.enum(priorities), n: count, met: count });
type Row = z.infer<typeof row>;

/**
 * Opened, resolved, backlog and SLA compliance by tier and by priority, for the tickets of one platform (where
 * they were opened). Each ticket counts with the tier and priority it had at the moment counted, as in the
 * weekly figures; the tier filter is applied to that tier, so "Tier 2" is what Tier 2 opened, resolved and held.
 */
export async function measureTicketSlice(db: DbOrTx, period: Period, filter: SliceFilter): Promise<TicketSlice> {
  const [from, to] = [instant(period.from), instant(period.to)];
  const onPlatform: SQL = filter.platform === undefined ? sql`true` : sql`t.origin->>'platform' = ${filter.platform}`;
  const opened = await queryRows(
    db,
    sql`select ${openingTier} as tier, ${openingPriority} as priority, 1 as n, 0 as met from tickets t
      where t.created_at >= ${from} and t.created_at < ${to} and ${onPlatform}`,
    row,
  );
  const resolved = await queryRows(
    db,
    sql`select ${tierAsOf(sql`e.id < r.id`)} as tier, ${priorityAsOf(sql`e.id < r.id`)} as priority, 1 as n,
        ((t.response_due_at is null or t.first_responded_at <= t.response_due_at)
          and (t.resolution_due_at is null or r.at <= t.resolution_due_at)
          and (t.response_breached_at is null or t.response_breached_at >= ${to})
          and (t.resolution_breached_at is null or t.resolution_breached_at >= ${to}))::int as met
      from (select distinct on (ticket_id) ticket_id, id, at from ticket_events
            where kind = 'resolved' and at >= ${from} and at < ${to} order by ticket_id, id desc) r
      join tickets t on t.id = r.ticket_id where ${onPlatform}`,
    row,
  );
  const backlog = await queryRows(
    db,
    sql`select ${tierAsOf(sql`e.at < ${to}`)} as tier, ${priorityAsOf(sql`e.at < ${to}`)} as priority, 1 as n, 0 as met
      from tickets t where ${mayHaveBeenOpenAt(period.to)} and ${openAt(period.to)} and ${onPlatform}`,
    row,
  );
  const kept = (rows: Row[]) => rows.filter((r) => filter.tier === undefined || r.tier === filter.tier);
  const byTier = Object.fromEntries(tiers.map((k) => [k, emptyRow()])) as Record<Tier, SliceRow>;
  const byPriority = Object.fromEntries(priorities.map((k) => [k, emptyRow()])) as Record<Priority, SliceRow>;
  const add = (rows: Row[], field: 'opened' | 'resolved' | 'backlog') => {
    for (const r of kept(rows)) {
      for (const target of [byTier[r.tier], byPriority[r.priority]]) {
        target[field] += r.n;
        if (field === 'resolved') target.slaMet += r.met;
      }
    }
  };
  add(opened, 'opened');
  add(resolved, 'resolved');
  add(backlog, 'backlog');
  for (const target of [...Object.values(byTier), ...Object.values(byPriority)])
    target.slaCompliance = shareOf(target.slaMet, target.resolved);
  return { byTier, byPriority };
}

const emptyRow = (): SliceRow => ({ opened: 0, resolved: 0, backlog: 0, slaMet: 0, slaCompliance: null });
