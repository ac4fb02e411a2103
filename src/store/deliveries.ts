import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { PersonRef } from '../model/identity.ts';
import type { DbOrTx } from './db.ts';
import { deliveries } from './schema.ts';

/**
 * Delivery ids are the sender's own: the local chat's ids are chosen by its clients, so alice's "msg-1"
 * must not swallow bob's. Platform ids (Slack's channel and ts, Teams' activity id) stay unique either way.
 */
const keyOf = (from: PersonRef, deliveryId: string) => `${from.workspace}/${from.userId}/${deliveryId}`;

/**
 * True the first time a delivery is seen, and again for a delivery whose handling failed and was released;
 * false for every other repeat (retries, double submits). One statement, so two replicas receiving the same
 * retry cannot both win.
 */
export async function claimDelivery(db: DbOrTx, from: PersonRef, deliveryId: string): Promise<boolean> {
  const claimed = await db
    .insert(deliveries)
    .values({ platform: from.platform, deliveryId: keyOf(from, deliveryId) })
    .onConflictDoUpdate({
      target: [deliveries.platform, deliveries.deliveryId],
      set: { releasedAt: null, receivedAt: sql`now()` },
      setWhere: isNotNull(deliveries.releasedAt),
    })
    .returning({ id: deliveries.deliveryId });
  return claimed.length > 0;
}

/** Its handling failed: the platform's next try of the same delivery is handled, not ignored. */
export async function releaseDelivery(db: DbOrTx, from: PersonRef, deliveryId: string): Promise<void> {
  await db
    .update(deliveries)
    .set({ releasedAt: sql`now()` })
    .where(
      and(
        eq(deliveries.platform, from.platform),
        eq(deliveries.deliveryId, keyOf(from, deliveryId)),
        isNull(deliveries.releasedAt),
      ),
    );
}
