import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, queryRows, shareOf } from './query-rows.ts';
import { isFollowUp } from './ticket-as-of-sql.ts';

export interface Deflection {
  questions: number;
  /** What the desk did: answered outright, asked "Which of these?" (picked from or not), or declined. */
  answered: number;
  settledByPick: number;
  unpicked: number;
  declined: number;
  /** Answered or settled by a pick, not 👎, and no ticket from that person within `ticketWindowHours`. */
  deflected: number;
  deflectionRate: number | null;
  /** Answers someone pressed 👍 or 👎 on, and of those 👍. */
  rated: number;
  helpful: number;
  helpfulRate: number | null;
}

/** A ticket this soon after a question says the answer did not do it, whatever was pressed. */
export const ticketWindowHours = 72;

const row = z.object({
  questions: count,
  answered: count,
  picked: count,
  unpicked: count,
  declined: count,
  deflected: count,
  rated: count,
  helpful: count,
});

/**
 * Questions asked in the period. A ticket in the 72 hours after a question is looked for with everything known
 * now, so the last days of a period just ended may still lose some deflection as tickets come in.
 */
export async function measureDeflection(db: DbOrTx, period: Period): Promise<Deflection> {
  const [r] = await queryRows(
    db,
    sql`select count(*)::int as questions,
        count(*) filter (where q.outcome = 'answered')::int as answered,
        count(*) filter (where q.outcome = 'clarified' and q.article_id is not null)::int as picked,
        count(*) filter (where q.outcome = 'clarified' and q.article_id is null)::int as unpicked,
        count(*) filter (where q.outcome = 'declined')::int as declined,
        count(*) filter (where q.settled and q.helpful is not false and not q.ticketed)::int as deflected,
        count(*) filter (where q.helpful is not null)::int as rated,
        count(*) filter (where q.helpful)::int as helpful
      from (
        select i.outcome, i.article_id, i.helpful,
          (i.outcome = 'answered' or (i.outcome = 'clarified' and i.article_id is not null)) as settled,
          exists (select 1 from tickets t where t.requester_id = i.person_id and t.created_at >= i.created_at
            and t.created_at < i.created_at + ${ticketWindowHours}::int * interval '1 hour' and not ${isFollowUp}) as ticketed
        from interactions i where i.created_at >= ${instant(period.from)} and i.created_at < ${instant(period.to)}
      ) q`,
    row,
  );
  if (!r) throw new Error('the deflection query returned no row');
  return {
    questions: r.questions,
    answered: r.answered,
    settledByPick: r.picked,
    unpicked: r.unpicked,
    declined: r.declined,
    deflected: r.deflected,
    deflectionRate: shareOf(r.deflected, r.questions),
    rated: r.rated,
    helpful: r.helpful,
    helpfulRate: shareOf(r.helpful, r.rated),
  };
}
