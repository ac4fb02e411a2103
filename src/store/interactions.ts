import { and, desc, eq, isNull, lte, ne, sql } from 'drizzle-orm';
import type { PlaceRef } from '../model/identity.ts';
import type { DbOrTx } from './db.ts';
import { feedback, interactions } from './schema.ts';

export type Interaction = typeof interactions.$inferSelect;
export type NewInteraction = typeof interactions.$inferInsert;

export async function recordInteraction(db: DbOrTx, values: NewInteraction): Promise<Interaction> {
  const [row] = await db.insert(interactions).values(values).returning();
  if (!row) throw new Error('insert of an interaction returned no row');
  return row;
}

export async function findInteraction(db: DbOrTx, id: string): Promise<Interaction | undefined> {
  const [row] = await db.select().from(interactions).where(eq(interactions.id, id));
  return row;
}

/** The first answer to "did this help?" counts; a second click changes nothing. */
export async function recordFeedback(db: DbOrTx, id: string, helpful: boolean, at: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(interactions)
      .set({ helpful, feedbackAt: at })
      .where(and(eq(interactions.id, id), isNull(interactions.helpful)))
      .returning({ id: interactions.id, personId: interactions.personId });
    if (!updated) return false;
    // 👍 / 👎 is feedback like any comment, in the same record: 👍 is appreciation, 👎 a first small sign
    // of dissatisfaction (an undertone), by rule, since there are no words to class.
    await tx.insert(feedback).values({
      personId: updated.personId,
      source: 'answer',
      interactionId: updated.id,
      class: helpful ? 'appreciation' : 'undertone',
      sentiment: helpful ? 1 : -0.5,
      classifiedBy: 'rules',
      createdAt: at,
    });
    return true;
  });
}

/** A pick from "Which of these?" says which article the question was about; "did it help?" comes next. */
export async function recordPick(db: DbOrTx, id: string, articleId: string): Promise<void> {
  await db
    .update(interactions)
    .set({ articleId })
    .where(and(eq(interactions.id, id), isNull(interactions.helpful)));
}

/** The person's earlier questions in the same conversation (channel and thread), oldest first. */
export async function listEarlierInConversation(db: DbOrTx, of: Interaction, limit: number): Promise<Interaction[]> {
  const place: PlaceRef = of.place;
  const rows = await db
    .select()
    .from(interactions)
    .where(
      and(
        eq(interactions.personId, of.personId),
        sql`${interactions.place}->>'channel' = ${place.channel}`,
        sql`coalesce(${interactions.place}->>'thread', '') = ${place.thread ?? ''}`,
        // Not strictly earlier: two questions can share a timestamp; the question itself is left out instead.
        lte(interactions.createdAt, of.createdAt),
        ne(interactions.id, of.id),
      ),
    )
    .orderBy(desc(interactions.createdAt))
    .limit(limit);
  return rows.reverse();
}
