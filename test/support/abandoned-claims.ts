import { sql } from 'drizzle-orm';
import { claimLeaseSeconds } from '../../src/store/deliveries.ts';
import type { Store } from '../../src/store/open-store.ts';

/**
 * Leaves the store as a desk killed mid-event (kill -9) would, a lease ago: every delivery handled so far is
 * claimed and never marked handled nor released. What the handling wrote (a ticket) stays.
 */
export async function abandonClaims(store: Store) {
  await store.db.execute(
    sql`update deliveries set handled_at = null,
      received_at = received_at - make_interval(secs => ${claimLeaseSeconds + 1})
      where released_at is null`,
  );
}
