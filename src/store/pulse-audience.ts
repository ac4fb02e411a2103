import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { PlaceRef } from '../model/identity.ts';
import type { DbOrTx } from './db.ts';
import { interactions, people } from './schema.ts';

/** Someone a pulse may go to: who they are, and where the desk last saw them. */
export interface AudienceMember {
  personId: number;
  platform: string;
  workspace: string;
  userId: string;
  lastSeen: PlaceRef;
}

/**
 * People who asked the desk something since `since` (on one platform, or any), each once with the place they
 * last asked in. The help desk's own staff are left out: a pulse asks the people it serves how it is doing.
 */
export async function peopleWhoAskedSince(db: DbOrTx, since: Date, platform?: string): Promise<AudienceMember[]> {
  return members(db, and(gte(interactions.createdAt, since), platform ? eq(people.platform, platform) : undefined));
}

/** People who asked the desk something in one place (a channel, a local room), each once. */
export async function peopleWhoAskedIn(
  db: DbOrTx,
  place: { platform: string; channel: string },
): Promise<AudienceMember[]> {
  return members(
    db,
    and(
      eq(people.platform, place.platform),
      sql`${interactions.place}->>'platform' = ${place.platform}`,
      sql`${interactions.place}->>'channel' = ${place.channel}`,
    ),
  );
}

async function members(db: DbOrTx, where: ReturnType<typeof and>): Promise<AudienceMember[]> {
  const rows = await db
    .selectDistinctOn([interactions.personId], {
      personId: interactions.personId,
      platform: people.platform,
      workspace: people.workspace,
      userId: people.userId,
      lastSeen: interactions.place,
    })
    .from(interactions)
    .innerJoin(people, eq(people.id, interactions.personId))
    .where(and(where, eq(people.role, 'requester')))
    .orderBy(interactions.personId, desc(interactions.createdAt));
  return rows;
}
