import type { JobSpec } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import { type Tier, tiers } from '../model/tiers.ts';
import { splitPlace } from '../outbox.ts';
import { unannouncedTickets } from '../store/unannounced-tickets.ts';
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
    limit: 50,
  });
  for (const ticket of missed) {
    ctx.log.warn('queue card missing; posting it now', { ticket: ticket.id, tier: ticket.tier });
    await postQueueCard(ctx, ticket, undefined, queues.get(ticket.tier));
  }
  return missed.length;
}

export const missedAnnouncementsJob: JobSpec = {
  name: 'missed-queue-cards',
  cron: '* * * * *',
  run: announceMissed,
};
