import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Priority, priorities } from '../model/priorities.ts';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, queryRows, shareOf } from './query-rows.ts';
import { priorityAsOf } from './ticket-as-of-sql.ts';

export interface Compliance {
  /** Tickets resolved in the period, and of those the ones that met both targets. */
  resolved: number;
  met: number;
  rate: number | null;
}

export interface SlaFigures {
  compliance: Compliance & { byPriority: Record<Priority, Compliance> };
  /** Targets missed in the period, and whether their CAPA has been written up (as it stands now). */
  breaches: { total: number; response: number; resolution: number; capaWritten: number; capaMissing: number };
}

const complianceRow = z.object({ priority: z.enum(priorities).nullable(), n: count, met: count });
const breachRow = z.object({ total: count, response: count, resolution: count, written: count });

/**
 * A resolved ticket met its SLA when its first response came by its response due time and its resolution by
 * its resolution due time (the due times on the ticket, which the SLA clock moved for waits and priority
 * changes), and no breach of either was marked before the period ended.
 */
export async function measureSla(db: DbOrTx, period: Period): Promise<SlaFigures> {
  const [from, to] = [instant(period.from), instant(period.to)];
  const rows = await queryRows(
    db,
    sql`select x.priority, count(*)::int as n, count(*) filter (where x.met)::int as met from (
        select ${priorityAsOf(sql`e.id < r.id`)} as priority,
          ((t.response_due_at is null or t.first_responded_at <= t.response_due_at)
            and (t.resolution_due_at is null or r.at <= t.resolution_due_at)
            and (t.response_breached_at is null or t.response_breached_at >= ${to})
            and (t.resolution_breached_at is null or t.resolution_breached_at >= ${to})) as met
        from (select distinct on (ticket_id) ticket_id, id, at from ticket_events
              where kind = 'resolved' and at >= ${from} and at < ${to} order by ticket_id, id desc) r
        join tickets t on t.id = r.ticket_id) x
      group by grouping sets ((x.priority), ())`,
    complianceRow,
  );
  const [b] = await queryRows(
    db,
    sql`select count(*)::int as total,
        count(*) filter (where b.target = 'response')::int as response,
        count(*) filter (where b.target = 'resolution')::int as resolution,
        count(*) filter (where b.capa is not null)::int as written
      from sla_breaches b where b.breached_at >= ${from} and b.breached_at < ${to}`,
    breachRow,
  );
  if (!b) throw new Error('the breaches query returned no row');
  const of = (r: z.infer<typeof complianceRow> | undefined): Compliance => ({
    resolved: r?.n ?? 0,
    met: r?.met ?? 0,
    rate: shareOf(r?.met ?? 0, r?.n ?? 0),
  });
  return {
    compliance: {
      ...of(rows.find((r) => r.priority === null)),
      byPriority: Object.fromEntries(priorities.map((p) => [p, of(rows.find((r) => r.priority === p))])) as Record<
        Priority,
        Compliance
      >,
    },
    breaches: {
      total: b.total,
      response: b.response,
      resolution: b.resolution,
      capaWritten: b.written,
      capaMissing: b.total - b.written,
    },
  };
}
