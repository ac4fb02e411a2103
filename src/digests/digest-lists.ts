import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DigestView } from '../messages/digest-view.ts';
import { tiers } from '../model/tiers.ts';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { instant, queryRows } from './query-rows.ts';

/** A missed SLA target whose corrective and preventive action nobody has written up yet. */
export type BreachWithoutCapa = DigestView['breaches'][number];

/** A low score (1 or 2) given in the period, with the follow-up ticket it opened and whether that is still open. */
export type LowScore = DigestView['lowScores'][number];

/** How many of each list the digest carries; the dashboard lists them all. */
export const digestListLimit = 5;

const breachRow = z.object({
  ticket_id: z.coerce.number().int(),
  target: z.enum(['response', 'resolution']),
  tier: z.enum(tiers),
  breached_at: z.coerce.date(),
});

/** Breaches marked in the period that still have no CAPA, oldest first (the longest overdue write-up). */
export async function breachesWithoutCapa(
  db: DbOrTx,
  period: Period,
  limit = digestListLimit,
): Promise<BreachWithoutCapa[]> {
  const rows = await queryRows(
    db,
    sql`select ticket_id, target, tier, breached_at from sla_breaches
        where capa is null and breached_at >= ${instant(period.from)} and breached_at < ${instant(period.to)}
        order by breached_at, id limit ${limit}`,
    breachRow,
  );
  return rows.map((r) => ({ ticketId: r.ticket_id, target: r.target, tier: r.tier, breachedAt: r.breached_at }));
}

const lowScoreRow = z.object({
  rating: z.coerce.number().int(),
  source: z.enum(['csat', 'pulse']),
  comment: z.string().nullable(),
  ticket_id: z.coerce.number().int().nullable(),
  follow_up_ticket_id: z.coerce.number().int().nullable(),
  follow_up_open: z.boolean().nullable(),
});

/** Scores of 1–2 given in the period, open follow-ups first, then the newest. */
export async function lowScores(db: DbOrTx, period: Period, limit = digestListLimit): Promise<LowScore[]> {
  const rows = await queryRows(
    db,
    sql`select f.rating, f.source, f.comment, f.ticket_id, f.follow_up_ticket_id,
          (t.status is not null and t.status not in ('resolved', 'closed')) as follow_up_open
        from feedback f left join tickets t on t.id = f.follow_up_ticket_id
        where f.source in ('csat', 'pulse') and f.rating between 1 and 2
          and f.created_at >= ${instant(period.from)} and f.created_at < ${instant(period.to)}
        order by follow_up_open desc nulls last, f.created_at desc, f.id desc limit ${limit}`,
    lowScoreRow,
  );
  return rows.map((r) => ({
    rating: r.rating,
    source: r.source,
    comment: r.comment,
    ticketId: r.ticket_id,
    followUpTicketId: r.follow_up_ticket_id,
    followUpOpen: r.follow_up_open === true,
  }));
}
