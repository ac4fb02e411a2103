import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Tier, tiers } from '../model/tiers.ts';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, queryRows, shareOf } from './query-rows.ts';
import { escalations, openingTier, tierMoves } from './ticket-as-of-sql.ts';

export interface TierEscalation {
  /** Tickets that came to the tier in the period: opened there, or moved there. */
  arrived: number;
  /** Of those, the ones moved up from it afterwards, before the period ended. */
  escalated: number;
  rate: number | null;
}

export interface Escalations {
  /** Moves up a tier (a hand-over to a vendor included) in the period, and how many the SLA monitor made. */
  total: number;
  bySlaMonitor: number;
  perTier: Record<Tier, TierEscalation>;
  /** Bounce-backs: tickets sent down a tier, and tickets reopened after a resolution. */
  deescalations: number;
  reopens: number;
}

const tierRow = z.object({ tier: z.enum(tiers), arrived: count, escalated: count });
const eventRow = z.object({ escalations: count, by_monitor: count, deescalations: count, reopens: count });

export async function measureEscalations(db: DbOrTx, period: Period): Promise<Escalations> {
  const [from, to] = [instant(period.from), instant(period.to)];
  // Each arrival at a tier, with the event it came by (0: opened there); a later move up from that tier,
  // still inside the period, is its escalation.
  const perTier = await queryRows(
    db,
    sql`with arrivals as (
        select t.id as ticket_id, ${openingTier} as tier, 0::bigint as after_id from tickets t
          where t.created_at >= ${from} and t.created_at < ${to}
        union all
        select e.ticket_id, e.to_value, e.id from ticket_events e
          where e.kind in ${tierMoves} and e.to_value is distinct from e.from_value and e.at >= ${from} and e.at < ${to}
      )
      select a.tier, count(distinct a.ticket_id)::int as arrived,
        count(distinct a.ticket_id) filter (where exists (
          select 1 from ticket_events x where x.ticket_id = a.ticket_id and x.kind in ${escalations}
            and x.from_value = a.tier and x.to_value is distinct from x.from_value and x.id > a.after_id and x.at < ${to}))::int as escalated
      from arrivals a group by a.tier`,
    tierRow,
  );
  const [events] = await queryRows(
    db,
    sql`select
        count(*) filter (where e.kind in ${escalations} and e.to_value is distinct from e.from_value)::int as escalations,
        count(*) filter (where e.kind in ${escalations} and e.to_value is distinct from e.from_value and e.actor_id is null)::int as by_monitor,
        count(*) filter (where e.kind = 'deescalated')::int as deescalations,
        count(*) filter (where e.kind = 'reopened')::int as reopens
      from ticket_events e where e.at >= ${from} and e.at < ${to}`,
    eventRow,
  );
  if (!events) throw new Error('the ticket events query returned no row');
  const byTier = Object.fromEntries(
    tiers.map((tier) => {
      const r = perTier.find((p) => p.tier === tier);
      const [arrived, escalated] = [r?.arrived ?? 0, r?.escalated ?? 0];
      return [tier, { arrived, escalated, rate: shareOf(escalated, arrived) }];
    }),
  ) as Record<Tier, TierEscalation>;
  return {
    total: events.escalations,
    bySlaMonitor: events.by_monitor,
    perTier: byTier,
    deescalations: events.deescalations,
    reopens: events.reopens,
  };
}
