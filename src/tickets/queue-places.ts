import { eq } from 'drizzle-orm';
import type { DeskContext } from '../desk-context.ts';
import { queuePlaces } from '../store/schema.ts';
import type { Tier } from './ticket.ts';

/** Where a tier's queue is: set with `queue set`, else from QUEUE_*; tier 1 always has one. */
export async function queueFor(ctx: DeskContext, tier: Tier): Promise<string | undefined> {
  const [row] = await ctx.db.select({ place: queuePlaces.place }).from(queuePlaces).where(eq(queuePlaces.tier, tier));
  return row?.place ?? ctx.queues[tier];
}

export async function setQueue(ctx: DeskContext, tier: Tier, place: string, by: number): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db
    .insert(queuePlaces)
    .values({ tier, place, setBy: by, setAt: at })
    .onConflictDoUpdate({ target: queuePlaces.tier, set: { place, setBy: by, setAt: at } });
}
