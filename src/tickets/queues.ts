import type { DeskContext } from '../desk-context.ts';
import type { Tier } from '../model/tiers.ts';
import { findQueuePlace, saveQueuePlace } from '../store/queue-places.ts';

/** Where a tier's queue is: set with `queue set`, else from QUEUE_*; tier 1 always has one. */
export async function queueFor(ctx: DeskContext, tier: Tier): Promise<string | undefined> {
  return (await findQueuePlace(ctx.db, tier)) ?? ctx.queues[tier];
}

export async function setQueue(ctx: DeskContext, tier: Tier, place: string, by: number): Promise<void> {
  await saveQueuePlace(ctx.db, tier, place, by, ctx.clock.now());
}
