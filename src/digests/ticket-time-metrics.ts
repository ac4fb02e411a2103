import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Priority, priorities } from '../model/priorities.ts';
import type { SlaPolicies } from '../sla/sla-policy.ts';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, measured, queryRows } from './query-rows.ts';
import { priorityAsOf } from './ticket-as-of-sql.ts';
import { slaWorkingMsSql } from './working-time-sql.ts';

/** How long something took, in working time on each ticket's SLA calendar; null when nothing was measured. */
export interface Durations {
  count: number;
  medianMs: number | null;
  meanMs: number | null;
}

export interface TicketTimes {
  /** From opening to the help desk's first claim, reply or question, for first responses in the period. */
  firstResponse: Durations & { byPriority: Record<Priority, Durations> };
  /** From opening to the last resolution in the period, for tickets resolved in it (waits included). */
  resolution: Durations & { byPriority: Record<Priority, Durations> };
}

const row = z.object({ priority: z.enum(priorities).nullable(), n: count, median: measured, mean: measured });

/** `spans` yields `(priority, ms)`; one row per priority and one (priority null) for all of them. */
async function durations(db: DbOrTx, spans: SQL): Promise<TicketTimes['firstResponse']> {
  const rows = await queryRows(
    db,
    sql`select x.priority, count(*)::int as n,
        (percentile_cont(0.5) within group (order by x.ms))::float8 as median, avg(x.ms)::float8 as mean
      from (${spans}) x group by grouping sets ((x.priority), ())`,
    row,
  );
  const of = (r: z.infer<typeof row> | undefined): Durations => ({
    count: r?.n ?? 0,
    medianMs: r?.median ?? null,
    meanMs: r?.mean ?? null,
  });
  return {
    ...of(rows.find((r) => r.priority === null)),
    byPriority: Object.fromEntries(priorities.map((p) => [p, of(rows.find((r) => r.priority === p))])) as Record<
      Priority,
      Durations
    >,
  };
}

/**
 * Working time as the SLA counts it: the calendar of the priority the ticket had at that moment (P1 round
 * the clock by default, the others in opening hours), from the times stored on the ticket and its history.
 */
export async function measureTicketTimes(db: DbOrTx, period: Period, sla: SlaPolicies): Promise<TicketTimes> {
  const [from, to] = [instant(period.from), instant(period.to)];
  const responded = priorityAsOf(sql`e.at <= t.first_responded_at`);
  const firstResponse = await durations(
    db,
    sql`select ${responded} as priority, ${slaWorkingMsSql(sla, responded, sql`t.created_at`, sql`t.first_responded_at`)} as ms
      from tickets t where t.first_responded_at >= ${from} and t.first_responded_at < ${to}`,
  );
  const resolvedAs = priorityAsOf(sql`e.id < r.id`);
  const resolution = await durations(
    db,
    sql`select ${resolvedAs} as priority, ${slaWorkingMsSql(sla, resolvedAs, sql`t.created_at`, sql`r.at`)} as ms
      from (select distinct on (ticket_id) ticket_id, id, at from ticket_events
            where kind = 'resolved' and at >= ${from} and at < ${to} order by ticket_id, id desc) r
      join tickets t on t.id = r.ticket_id`,
  );
  return { firstResponse, resolution };
}
