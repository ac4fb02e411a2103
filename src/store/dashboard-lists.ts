import { and, asc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tier } from '../model/tiers.ts';
import type { DbOrTx } from './db.ts';
import { queryRows } from './query-rows.ts';
import { slaBreaches, tickets } from './schema.ts';

/** The dashboard's narrowing: tickets opened on one platform (people on it), and/or one tier. */
export interface ListFilter {
  platform?: string | undefined;
  tier?: Tier | undefined;
}

export interface BreachEntry {
  ticketId: number;
  subject: string;
  target: 'response' | 'resolution';
  /** The tier the ticket was in when it breached, and what the monitor did. */
  tier: Tier;
  action: 'escalated' | 'paged_lead';
  breachedAt: Date;
  /** The corrective and preventive action written up, or null while it is missing. */
  capa: string | null;
}

/** Targets missed in [from, to), oldest first, with their CAPA as it stands now. */
export async function listBreaches(db: DbOrTx, from: Date, to: Date, filter: ListFilter): Promise<BreachEntry[]> {
  const where: SQL[] = [gte(slaBreaches.breachedAt, from), lt(slaBreaches.breachedAt, to)];
  if (filter.platform !== undefined) where.push(sql`${tickets.origin}->>'platform' = ${filter.platform}`);
  if (filter.tier !== undefined) where.push(eq(slaBreaches.tier, filter.tier));
  return db
    .select({
      ticketId: slaBreaches.ticketId,
      subject: tickets.subject,
      target: slaBreaches.target,
      tier: slaBreaches.tier,
      action: slaBreaches.action,
      breachedAt: slaBreaches.breachedAt,
      capa: slaBreaches.capa,
    })
    .from(slaBreaches)
    .innerJoin(tickets, eq(tickets.id, slaBreaches.ticketId))
    .where(and(...where))
    .orderBy(asc(slaBreaches.breachedAt), asc(slaBreaches.id));
}

export interface LowScoreEntry {
  kind: 'csat' | 'pulse';
  score: number;
  answeredAt: Date;
  /** Null for an anonymous pulse survey: its answers were promised to go without names. */
  name: string | null;
  ticketId: number | null;
  comment: string | null;
}

const lowRow = z.object({
  kind: z.enum(['csat', 'pulse']),
  score: z.coerce.number().int(),
  answered_at: z.coerce.date(),
  name: z.string().nullable(),
  ticket_id: z.coerce.number().int().nullable(),
  comment: z.string().nullable(),
});

/** Scores of 1 or 2 standing for asks made in [from, to) (the newest answer to each question counts), oldest first. */
export async function listLowScores(db: DbOrTx, from: Date, to: Date, filter: ListFilter): Promise<LowScoreEntry[]> {
  const onPlatform = filter.platform === undefined ? sql`true` : sql`p.platform = ${filter.platform}`;
  // A pulse answer is about the desk, not a ticket of any tier: narrowing to a tier leaves it out.
  const inTier = filter.tier === undefined ? sql`true` : sql`t.tier = ${filter.tier}`;
  const rows = await queryRows(
    db,
    sql`
    with standing as (
      select distinct on (s.ask_id, s.question) s.ask_id, s.score, s.answered_at from survey_answers s
      join survey_asks a on a.id = s.ask_id
      where a.asked_at >= ${from.toISOString()}::timestamptz and a.asked_at < ${to.toISOString()}::timestamptz
        and s.score is not null
      order by s.ask_id, s.question, s.id desc)
    select a.kind, st.score, st.answered_at,
      case when coalesce((r.survey->>'anonymous')::boolean, false) then null else p.display_name end as name,
      a.ticket_id,
      (select f.comment from feedback f where f.ask_id = a.id and f.comment is not null order by f.id desc limit 1) as comment
    from standing st join survey_asks a on a.id = st.ask_id join people p on p.id = a.person_id
      left join tickets t on t.id = a.ticket_id left join pulse_runs r on r.id = a.run_id
    where st.score <= 2 and ${onPlatform} and ${inTier}
    order by st.answered_at, a.id`,
    lowRow,
  );
  return rows.map((r) => ({
    kind: r.kind,
    score: r.score,
    answeredAt: r.answered_at,
    name: r.name,
    ticketId: r.ticket_id,
    comment: r.comment,
  }));
}
