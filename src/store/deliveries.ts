import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Inbound } from '../inbound.ts';
import type { PersonRef } from '../model/identity.ts';
import type { DbOrTx } from './db.ts';
import { queryRows } from './query-rows.ts';
import { deliveries } from './schema.ts';

/**
 * Delivery ids are the sender's own: the local chat's ids are chosen by its clients, so alice's "msg-1"
 * must not swallow bob's. Platform ids (Slack's channel and ts, Teams' activity id) stay unique either way.
 */
const keyOf = (from: PersonRef, deliveryId: string) => `${from.workspace}/${from.userId}/${deliveryId}`;

/** One delivery across platforms, as what it opened remembers it (`tickets.opened_by_delivery`). */
export const deliveryKey = (from: PersonRef, deliveryId: string) => `${from.platform}:${keyOf(from, deliveryId)}`;

/**
 * How long a claim may stay neither handled nor released before it counts as lost with its process (a
 * kill -9 mid-event). Longer than any handling takes (the slowest part, an OpenAI answer, gives up after
 * OPENAI_TIMEOUT_MS, at most 120 s), so a retry of a delivery still being worked on is not handled beside it.
 */
export const claimLeaseSeconds = 180;

/**
 * True the first time a delivery is seen, again for one whose handling failed and was released, and for one
 * claimed over `claimLeaseSeconds` ago and never handled; false for every other repeat (retries, double
 * submits). One statement, so two replicas receiving the same retry cannot both win.
 */
export async function claimDelivery(db: DbOrTx, inbound: Inbound & { deliveryId: string }): Promise<boolean> {
  const { from, deliveryId } = inbound;
  const claimed = await db
    .insert(deliveries)
    .values({ platform: from.platform, deliveryId: keyOf(from, deliveryId), payload: inbound })
    .onConflictDoUpdate({
      target: [deliveries.platform, deliveries.deliveryId],
      set: { releasedAt: null, handledAt: null, receivedAt: sql`now()`, payload: inbound },
      setWhere: or(
        isNotNull(deliveries.releasedAt),
        and(
          isNull(deliveries.handledAt),
          lt(deliveries.receivedAt, sql`now() - make_interval(secs => ${claimLeaseSeconds})`),
        ),
      ),
    })
    .returning({ id: deliveries.deliveryId });
  return claimed.length > 0;
}

/** Its handling ended (whatever the person was told): every later repeat is ignored. */
export async function markDeliveryHandled(db: DbOrTx, from: PersonRef, deliveryId: string): Promise<void> {
  await db
    .update(deliveries)
    .set({ handledAt: sql`now()`, payload: null })
    .where(and(eq(deliveries.platform, from.platform), eq(deliveries.deliveryId, keyOf(from, deliveryId))));
}

/** Its handling failed: the platform's next try of the same delivery is handled, not ignored. */
export async function releaseDelivery(db: DbOrTx, from: PersonRef, deliveryId: string): Promise<void> {
  await db
    .update(deliveries)
    .set({ releasedAt: sql`now()`, payload: null })
    .where(
      and(
        eq(deliveries.platform, from.platform),
        eq(deliveries.deliveryId, keyOf(from, deliveryId)),
        isNull(deliveries.releasedAt),
      ),
    );
}

/**
 * Takes over up to `limit` deliveries whose desk died handling them: claimed over `claimLeaseSeconds` ago,
 * never handled nor released. Each is claimed again (its lease starts over) in the one statement that finds
 * it, so two replicas looking at once take different ones. Returns the events, to be handled again.
 */
export async function takeOrphanedDeliveries(db: DbOrTx, limit: number): Promise<(Inbound & { deliveryId: string })[]> {
  const rows = await db
    .update(deliveries)
    .set({ receivedAt: sql`now()` })
    .where(
      sql`(${deliveries.platform}, ${deliveries.deliveryId}) in (
        select platform, delivery_id from ${deliveries}
        where handled_at is null and released_at is null and payload is not null
          and received_at < now() - make_interval(secs => ${claimLeaseSeconds})
        order by received_at
        limit ${limit}
        for update skip locked)`,
    )
    .returning({ payload: deliveries.payload });
  return rows
    .map((r) => r.payload)
    .filter((p): p is Inbound & { deliveryId: string } => typeof p?.deliveryId === 'string');
}

/**
 * How long a finished delivery's id is kept. Platforms send an event again within minutes (Slack for an
 * hour at most) and people resend within a day, so past this a repeat cannot come, and the row is only
 * bulk. What a delivery opened keeps its key (`tickets.opened_by_delivery`) either way.
 */
export const deliveryRetentionDays = 30;

/**
 * Forgets finished deliveries (handled, or released and never tried again) claimed over
 * `deliveryRetentionDays` ago. Claims still unfinished stay for `lost-deliveries`. One statement: run daily it
 * meets a day's deliveries, and it locks only the rows it deletes, so new claims go on meanwhile. Only the
 * count comes back, not the rows: a first run may meet years of them. Returns how many were forgotten.
 */
export async function pruneDeliveries(db: DbOrTx): Promise<number> {
  const [forgotten] = await queryRows(
    db,
    sql`
    with forgotten as (
      delete from ${deliveries}
      where received_at < now() - make_interval(days => ${deliveryRetentionDays})
        and (handled_at is not null or released_at is not null)
      returning 1)
    select count(*)::int as n from forgotten`,
    z.object({ n: z.coerce.number().int() }),
  );
  return forgotten?.n ?? 0;
}
