import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, measured, queryRows, shareOf, tally } from './query-rows.ts';
import { openAt } from './ticket-as-of-sql.ts';

export interface Csat {
  /** CSAT asks made in the period: sent, and not sent (the person opted out, or a fatigue rule). */
  sent: number;
  skipped: number;
  /** Asks with a standing score (the newest one given counts, whenever it was given). */
  responses: number;
  /** Standing scores of 4 or 5, their share of the responses, and the average score. */
  satisfied: number;
  csat: number | null;
  average: number | null;
  responseRate: number | null;
  /** How many gave each score, 1 to 5. */
  scores: [number, number, number, number, number];
}

export interface Satisfaction {
  csat: Csat;
  /** Everything said about the service in the period (comments, free feedback, 👍 and 👎), by its class. */
  feedback: { total: number; byClass: Record<string, number> };
  /** Follow-up tickets of low scores and complaints: opened in the period, still open at its end, and of
   * those open for more than `followUpGraceDays`. */
  followUps: { opened: number; open: number; openOverGrace: number };
}

/** A follow-up still open after this long is one the leads let slip. */
export const followUpGraceDays = 7;

export const csatRow = z.object({
  sent: count,
  skipped: count,
  responses: count,
  average: measured,
  s1: count,
  s2: count,
  s3: count,
  s4: count,
  s5: count,
});
export type CsatRow = z.infer<typeof csatRow>;

/**
 * CSAT asks made in [from, to) among those `scope` lets through (`a` is the ask), each with its standing
 * score: the newest rating given, whenever it was given. `from` and `to` may be columns of a period table.
 */
export const csatAsked = (from: SQL, to: SQL, scope: SQL = sql`true`): SQL =>
  sql`select a.id, a.skipped, a.not_delivered, s.score from survey_asks a
    left join lateral (select s.score from survey_answers s
      where s.ask_id = a.id and s.question = 'rating' and s.score is not null order by s.id desc limit 1) s on true
    where a.kind = 'csat' and a.asked_at >= ${from} and a.asked_at < ${to} and ${scope}`;

/** The counts over asks `c` (a row of `csatAsked`); an outer join's empty row counts as none. */
export const csatCounts = sql`count(c.id) filter (where c.skipped is null and c.not_delivered is null)::int as sent,
  count(*) filter (where c.skipped is not null)::int as skipped,
  count(c.score)::int as responses, avg(c.score)::float8 as average,
  ${sql.join(
    [1, 2, 3, 4, 5].map((n) => sql`count(*) filter (where c.score = ${n}::int)::int as ${sql.raw(`s${n}`)}`),
    sql`, `,
  )}`;

export function csatOf(c: CsatRow): Csat {
  const satisfied = c.s4 + c.s5;
  return {
    sent: c.sent,
    skipped: c.skipped,
    responses: c.responses,
    satisfied,
    csat: shareOf(satisfied, c.responses),
    average: c.average,
    responseRate: shareOf(c.responses, c.sent),
    scores: [c.s1, c.s2, c.s3, c.s4, c.s5],
  };
}

const classRow = z.object({ key: z.string(), n: count });
const followUpRow = z.object({ opened: count, open: count, late: count });

export async function measureSatisfaction(db: DbOrTx, period: Period): Promise<Satisfaction> {
  const [from, to] = [instant(period.from), instant(period.to)];
  const [c] = await queryRows(db, sql`select ${csatCounts} from (${csatAsked(from, to)}) c`, csatRow);
  if (!c) throw new Error('the CSAT query returned no row');
  const classes = await queryRows(
    db,
    sql`select coalesce(f.class, 'unclassed') as key, count(*)::int as n from feedback f
      where f.created_at >= ${from} and f.created_at < ${to} group by 1 order by 1`,
    classRow,
  );
  const [f] = await queryRows(
    db,
    sql`select count(*) filter (where t.created_at >= ${from})::int as opened,
        count(*) filter (where ${openAt(period.to)})::int as open,
        count(*) filter (where ${openAt(period.to)} and t.created_at < ${to}::timestamptz - ${followUpGraceDays}::int * interval '1 day')::int as late
      from tickets t where t.created_at < ${to}
        and t.id in (select f.follow_up_ticket_id from feedback f where f.follow_up_ticket_id is not null)`,
    followUpRow,
  );
  if (!f) throw new Error('the follow-ups query returned no row');
  const byClass = tally(classes);
  return {
    csat: csatOf(c),
    feedback: { total: classes.reduce((n, r) => n + r.n, 0), byClass: byClass as Record<string, number> },
    followUps: { opened: f.opened, open: f.open, openOverGrace: f.late },
  };
}
