import { type SQL, sql } from 'drizzle-orm';
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

export const deflectionRow = z.object({
  questions: count,
  answered: count,
  picked: count,
  unpicked: count,
  declined: count,
  deflected: count,
  rated: count,
  helpful: count,
});
export type DeflectionRow = z.infer<typeof deflectionRow>;

/**
 * Each question asked in [from, to) among those `scope` lets through, with whether it was settled and whether
 * its asker opened a ticket soon after. `i` is the interaction; `from` and `to` may be columns of a period
 * table. A ticket in the 72 hours after a question is looked for with everything known now, so the last days
 * of a period just ended may still lose some deflection as tickets come in.
 */
export const questionsAsked = (from: SQL, to: SQL, scope: SQL = sql`true`): SQL => {
  const window = sql`${ticketWindowHours}::int * interval '1 hour'`;
  // The tickets are joined (one hash join) rather than looked up per question (an index probe each, ~190 k a
  // week at 1 M tickets); the bounds on `t` are implied by the join's and only narrow what is read.
  return sql`select i.created_at, i.outcome, i.article_id, i.helpful,
      (i.outcome = 'answered' or (i.outcome = 'clarified' and i.article_id is not null)) as settled,
      bool_or(t.id is not null) as ticketed
    from interactions i
    left join (select t.id, t.requester_id, t.created_at from tickets t
        where t.created_at >= ${from} and t.created_at < ${to} + ${window} and not ${isFollowUp}) t
      on t.requester_id = i.person_id and t.created_at >= i.created_at and t.created_at < i.created_at + ${window}
    where i.created_at >= ${from} and i.created_at < ${to} and ${scope}
    group by i.id`;
};

/** The counts over questions `q` (a row of `questionsAsked`); an outer join's empty row counts as none. */
export const deflectionCounts = sql`count(q.created_at)::int as questions,
  count(*) filter (where q.outcome = 'answered')::int as answered,
  count(*) filter (where q.outcome = 'clarified' and q.article_id is not null)::int as picked,
  count(*) filter (where q.outcome = 'clarified' and q.article_id is null)::int as unpicked,
  count(*) filter (where q.outcome = 'declined')::int as declined,
  count(*) filter (where q.settled and q.helpful is not false and not q.ticketed)::int as deflected,
  count(*) filter (where q.helpful is not null)::int as rated,
  count(*) filter (where q.helpful)::int as helpful`;

export function deflectionOf(r: DeflectionRow): Deflection {
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

/** Questions asked in the period and how many of them the desk settled for good. */
export async function measureDeflection(db: DbOrTx, period: Period): Promise<Deflection> {
  const [from, to] = [instant(period.from), instant(period.to)];
  const [r] = await queryRows(db, sql`select ${deflectionCounts} from (${questionsAsked(from, to)}) q`, deflectionRow);
  if (!r) throw new Error('the deflection query returned no row');
  return deflectionOf(r);
}
