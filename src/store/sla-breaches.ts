import { and, eq, isNull } from 'drizzle-orm';
import type { Tier } from '../model/tiers.ts';
import type { DbOrTx } from './db.ts';
import { slaBreaches } from './schema.ts';

export type SlaTarget = 'response' | 'resolution';

/** A missed target, recorded for its corrective and preventive action (CAPA) to be written up later. */
export async function recordBreach(
  db: DbOrTx,
  breach: {
    ticketId: number;
    target: SlaTarget;
    dueAt: Date;
    breachedAt: Date;
    tier: Tier;
    action: 'escalated' | 'paged_lead';
  },
): Promise<void> {
  await db.insert(slaBreaches).values(breach);
}

/** Writes the CAPA on every breach of the ticket that has none yet; returns the targets written up. */
export async function recordCapa(
  db: DbOrTx,
  ticketId: number,
  capa: { text: string; by: number; at: Date },
): Promise<SlaTarget[]> {
  const updated = await db
    .update(slaBreaches)
    .set({ capa: capa.text, capaBy: capa.by, capaAt: capa.at })
    .where(and(eq(slaBreaches.ticketId, ticketId), isNull(slaBreaches.capa)))
    .returning({ target: slaBreaches.target });
  return updated.map((u) => u.target);
}
