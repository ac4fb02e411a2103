import { sql } from 'drizzle-orm';
import type { PersonRef } from '../inbound.ts';
import type { DbOrTx } from './db.ts';
import { people } from './schema.ts';

export type Person = typeof people.$inferSelect;

/** Finds or creates the person behind a platform identity, keeping their display name current. */
export async function upsertPerson(db: DbOrTx, ref: PersonRef): Promise<Person> {
  const displayName = ref.displayName?.trim() || ref.userId;
  const [row] = await db
    .insert(people)
    .values({ platform: ref.platform, workspace: ref.workspace, userId: ref.userId, displayName })
    .onConflictDoUpdate({
      target: [people.platform, people.workspace, people.userId],
      set: { displayName: sql`excluded.display_name` },
    })
    .returning();
  if (!row) throw new Error('upsert of a person returned no row');
  return row;
}
