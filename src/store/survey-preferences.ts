import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { people } from './schema.ts';
import { surveyAsks } from './survey-schema.ts';

/** `surveys off` (a time) or `surveys on` (null) for one person. */
export async function setSurveysOff(db: DbOrTx, personId: number, since: Date | null): Promise<void> {
  await db.update(people).set({ surveysOffAt: since }).where(eq(people.id, personId));
}

/**
 * What the fatigue cap needs to know of a person: opted out, and when each kind of survey last reached them
 * (one that was skipped or that the platform refused did not reach them, so it spends none of their budget).
 */
export async function surveyHistoryOf(
  db: DbOrTx,
  personId: number,
): Promise<{ optedOut: boolean; lastPulseAt?: Date; lastCsatAt?: Date }> {
  const [person] = await db.select({ off: people.surveysOffAt }).from(people).where(eq(people.id, personId));
  const last = async (kind: 'csat' | 'pulse') => {
    const [row] = await db
      .select({ at: surveyAsks.askedAt })
      .from(surveyAsks)
      .where(
        and(
          eq(surveyAsks.personId, personId),
          eq(surveyAsks.kind, kind),
          isNull(surveyAsks.skipped),
          isNull(surveyAsks.notDelivered),
        ),
      )
      .orderBy(desc(surveyAsks.askedAt))
      .limit(1);
    return row?.at;
  };
  const [lastCsatAt, lastPulseAt] = await Promise.all([last('csat'), last('pulse')]);
  return {
    optedOut: Boolean(person?.off),
    ...(lastCsatAt ? { lastCsatAt } : {}),
    ...(lastPulseAt ? { lastPulseAt } : {}),
  };
}
