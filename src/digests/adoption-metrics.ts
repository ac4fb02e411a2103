import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../store/db.ts';
import type { Period } from './period.ts';
import { count, instant, queryRows } from './query-rows.ts';
import { isFollowUp } from './ticket-as-of-sql.ts';

export interface UserCounts {
  /** People who asked a question or opened a ticket in the period. */
  activeUsers: number;
  /** Of those, people who had never done either before the period. */
  newUsers: number;
  /** Of those, people who had. */
  returningUsers: number;
  /** Questions asked (small talk is never recorded as one). */
  questions: number;
}

export interface Adoption extends UserCounts {
  /** By the platform people are on: `slack`, `teams`, `local`. */
  byPlatform: Record<string, UserCounts>;
  /** The busiest places (`platform:channel`), most questions first. */
  byPlace: { place: string; activeUsers: number; questions: number }[];
}

/** How many places the report names; the rest are in the totals. */
const placesShown = 20;

/**
 * What people did of their own accord: questions, and tickets they opened (the follow-ups the desk opens for
 * a low score are not something the person did). `t` is the ticket alias the follow-up test speaks of.
 */
const activity = sql`(
  select i.person_id, i.created_at as at, i.place->>'platform' as platform, i.place->>'channel' as channel, 1 as question
    from interactions i
  union all
  select t.requester_id, t.created_at, t.origin->>'platform', t.origin->>'channel', 0
    from tickets t where not ${isFollowUp})`;

const platformRow = z.object({ platform: z.string(), active: count, fresh: count, questions: count });
const placeRow = z.object({ platform: z.string(), channel: z.string(), active: count, questions: count });

export async function measureAdoption(db: DbOrTx, period: Period): Promise<Adoption> {
  const [from, to] = [instant(period.from), instant(period.to)];
  const platforms = await queryRows(
    db,
    sql`with act as (select * from ${activity} a where a.at >= ${from} and a.at < ${to}),
      people_active as (
        select a.person_id, sum(a.question)::int as questions from act a group by a.person_id
      )
      select p.platform, count(*)::int as active,
        count(*) filter (where not exists (select 1 from interactions i where i.person_id = pa.person_id and i.created_at < ${from})
          and not exists (select 1 from tickets t where t.requester_id = pa.person_id and t.created_at < ${from} and not ${isFollowUp}))::int as fresh,
        coalesce(sum(pa.questions), 0)::int as questions
      from people_active pa join people p on p.id = pa.person_id
      group by p.platform order by p.platform`,
    platformRow,
  );
  const places = await queryRows(
    db,
    sql`select a.platform, a.channel, count(distinct a.person_id)::int as active, coalesce(sum(a.question), 0)::int as questions
      from ${activity} a where a.at >= ${from} and a.at < ${to}
      group by a.platform, a.channel order by questions desc, active desc, a.platform, a.channel limit ${placesShown}`,
    placeRow,
  );
  const byPlatform: Record<string, UserCounts> = {};
  for (const r of platforms) {
    byPlatform[r.platform] = {
      activeUsers: r.active,
      newUsers: r.fresh,
      returningUsers: r.active - r.fresh,
      questions: r.questions,
    };
  }
  // A person is on one platform, so the platforms' counts add up to the desk's.
  const sum = (pick: (c: UserCounts) => number) => Object.values(byPlatform).reduce((n, c) => n + pick(c), 0);
  return {
    activeUsers: sum((c) => c.activeUsers),
    newUsers: sum((c) => c.newUsers),
    returningUsers: sum((c) => c.returningUsers),
    questions: sum((c) => c.questions),
    byPlatform,
    byPlace: places.map((r) => ({
      place: `${r.platform}:${r.channel}`,
      activeUsers: r.active,
      questions: r.questions,
    })),
  };
}
