import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, queryRows, shareOf } from './query-rows.ts';

export interface PulseFigures {
  /** Pulse survey runs started in the period, the asks they sent and how many were answered. */
  runs: number;
  sent: number;
  answered: number;
  responseRate: number | null;
  /** When the newest run before the period's end started (any period), or null if none ever did. */
  lastRunAt: Date | null;
}

const row = z.object({ runs: count, sent: count, answered: count, last: z.coerce.date().nullable() });

export async function measurePulse(db: DbOrTx, period: Period): Promise<PulseFigures> {
  const [from, to] = [instant(period.from), instant(period.to)];
  const [r] = await queryRows(
    db,
    sql`select
        (select count(*) from pulse_runs p where p.started_at >= ${from} and p.started_at < ${to})::int as runs,
        count(a.id)::int as sent,
        count(a.id) filter (where exists (select 1 from survey_answers s where s.ask_id = a.id))::int as answered,
        (select max(p.started_at) from pulse_runs p where p.started_at < ${to}) as last
      from survey_asks a join pulse_runs p on p.id = a.run_id
      where a.kind = 'pulse' and p.started_at >= ${from} and p.started_at < ${to}
        and a.sent_at is not null and a.skipped is null and a.not_delivered is null`,
    row,
  );
  if (!r) throw new Error('the pulse query returned no row');
  return {
    runs: r.runs,
    sent: r.sent,
    answered: r.answered,
    responseRate: shareOf(r.answered, r.sent),
    lastRunAt: r.last,
  };
}
