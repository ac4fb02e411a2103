import type { DbOrTx } from './db.ts';
import { deliveries } from './schema.ts';

/** True the first time a delivery id is seen, false for every repeat (retries, double submits). */
export async function claimDelivery(db: DbOrTx, platform: string, deliveryId: string): Promise<boolean> {
  const inserted = await db
    .insert(deliveries)
    .values({ platform, deliveryId })
    .onConflictDoNothing()
    .returning({ id: deliveries.deliveryId });
  return inserted.length > 0;
}
