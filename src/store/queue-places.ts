import { eq } from 'drizzle-orm';
import type { Tier } from '../model/tiers.ts';
import type { DbOrTx } from './db.ts';
import { queuePlaces } from './schema.ts';

/** The place set for a tier's queue with `queue set`, if any (`platform:address`). */
export async function findQueuePlace(db: DbOrTx, tier: Tier): Promise<string | undefined> {
  const [row] = await db.select({ place: queuePlaces.place }).from(queuePlaces).where(eq(queuePlaces.tier, tier));
  return row?.place;
}

export async function saveQueuePlace(db: DbOrTx, tier: Tier, place: string, by: number, at: Date): Promise<void> {
  await db
    .insert(queuePlaces)
    .values({ tier, place, setBy: by, setAt: at })
    .onConflictDoUpdate({ target: queuePlaces.tier, set: { place, setBy: by, setAt: at } });
}
