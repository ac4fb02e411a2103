import type { JobSpec } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
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

/** Posts the queue cards of tickets acknowledged to their requester but never announced. */
export async function announceMissed(ctx: DeskContext): Promise<number> {
  const now = ctx.clock.now().getTime();
  const missed = await unannouncedTickets(ctx.db, {
    from: new Date(now - lookBackMs),
    until: new Date(now - settleMs),
    limit: 50,
  });
  let posted = 0;
  for (const ticket of missed) {
    // No queue for the tier, or one on a platform not connected here: the first try said so, once; trying
    // each minute would only say it again.
    const queue = await queueFor(ctx, ticket.tier);
    if (!queue || !ctx.delivery.connected(splitPlace(queue).platform)) continue;
    const claimed = await claimUnannounced(ctx.db, ticket.id, new Date(now), claimLeaseMs);
    if (!claimed) continue;
    ctx.log.warn('queue card missing; posting it now', { ticket: ticket.id, tier: ticket.tier });
    await postQueueCard(ctx, claimed, undefined, queue);
    posted++;
  }
  return posted;
}

export const missedAnnouncementsJob: JobSpec = {
  name: 'missed-queue-cards',
  cron: '* * * * *',
  run: announceMissed,
};
