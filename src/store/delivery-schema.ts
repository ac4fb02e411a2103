import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Inbound } from '../inbound.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A delivery id seen once is never handled again (platform retries, double submits), unless its handling
 * failed: then it is released, and the platform's retry is handled as if it were the first.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    platform: text('platform').notNull(),
    /** The sender's workspace and id, then the platform's delivery id: a client-chosen id is theirs alone. */
    deliveryId: text('delivery_id').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
    releasedAt: at('released_at'),
    /** Set when its handling ended; a claim with neither this nor `releasedAt` is in flight, or lost with its process. */
    handledAt: at('handled_at'),
    /**
     * The event itself while it is being handled, so that one lost with its process (a Slack event is
     * acknowledged before it is handled, and nobody sends it again) can be handled by another; cleared when
     * its handling ends.
     */
    payload: jsonb('payload').$type<Inbound>(),
  },
  (t) => [
    primaryKey({ columns: [t.platform, t.deliveryId] }),
    // The few claims still unfinished, found each minute without reading every delivery ever received.
    index('deliveries_unfinished').on(t.receivedAt).where(sql`${t.handledAt} is null and ${t.releasedAt} is null`),
  ],
);
