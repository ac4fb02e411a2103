import type { JobSpec } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import { type Tier, tiers } from '../model/tiers.ts';
import { splitPlace } from '../outbox.ts';
import { claimUnannounced, unannouncedTickets } from '../store/unannounced-tickets.ts';
import { postQueueCard } from './queue-card.ts';
import { queueFor } from './queues.ts';

/**
 * A card is looked for only once its ticket is this old: the event that opened it has long finished posting
 * by then, and Delivery has stopped trying to record where a posted card went (about three minutes), so a
 * card still missing was lost (the database or the process failed in between), not slow.
 */
const settleMs = 5 * 60_000;
/** How far back: a day covers any outage worth surviving; older tickets have surely been seen in `queue`. */
const lookBackMs = 24 * 60 * 60_000;
/**
 * A card taken on by a run (of this replica or another: two can overlap when one outlives its pg-boss
 * expiry) is left to it this long. Longer than a post with Delivery's retries and recording where it went.
 */
const claimLeaseMs = 10 * 60_000;

/**
 * Each tier's queue that can be posted in from here. A tier with none, or one on a platform not connected
 * here, is left out of the search: the first try said so, once; trying each minute would only say it again,
 * and such tickets, read first, would keep the ones behind them waiting.
 */
async function postableQueues(ctx: DeskContext): Promise<Map<Tier, string>> {
  const queues = new Map<Tier, string>();
  for (const tier of tiers) {
    const queue = await queueFor(ctx, tier);
    if (queue && ctx.delivery.connected(splitPlace(queue).platform)) queues.set(tier, queue);
  }
  return queues;
}

/** Posts the queue cards of tickets acknowledged to their requester but never announced. */
export async function announceMissed(ctx: DeskContext): Promise<number> {
  const queues = await postableQueues(ctx);
  if (queues.size === 0) return 0;
  const now = ctx.clock.now().getTime();
  const missed = await unannouncedTickets(ctx.db, {
    from: new Date(now - lookBackMs),
    until: new Date(now - settleMs),
    tiers: [...queues.keys()],
    // Taken on by another run lately: left to it, and not counted in this run's 50.
    unclaimedSince: new Date(now - claimLeaseMs),
    limit: 50,
  });
  let posted = 0;
  for (const ticket of missed) {
    const claimed = await claimUnannounced(ctx.db, ticket.id, new Date(now), claimLeaseMs);
    if (!claimed) continue;
    ctx.log.warn('queue card missing; posting it now', { ticket: ticket.id, tier: ticket.tier });
    await postQueueCard(ctx, claimed, undefined, queues.get(claimed.tier));
    posted++;
  }
  return posted;
}

export const missedAnnouncementsJob: JobSpec = {
  name: 'missed-queue-cards',
  cron: '* * * * *',
  run: announceMissed,
};
