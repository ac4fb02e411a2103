import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { PersonRef } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import type { DbOrTx } from './db.ts';
import { people } from './schema.ts';

export type { Person };

/** Finds or creates the person behind a platform identity, keeping their display name current. */
export async function upsertPerson(db: DbOrTx, ref: PersonRef): Promise<Person> {
  if (ref.formerly?.length) await adoptFormerRow(db, ref, ref.formerly);
  const displayName = ref.displayName?.trim() || ref.userId;
  const [row] = await db
    .insert(people)
    .values({ platform: ref.platform, workspace: ref.workspace, userId: ref.userId, displayName })
    .onConflictDoUpdate({
      target: [people.platform, people.workspace, people.userId],
      // A bare id is not a better name than one the platform gave us before.
      set: ref.displayName?.trim() ? { displayName: sql`excluded.display_name` } : { userId: sql`excluded.user_id` },
    })
    .returning();
  if (!row) throw new Error('upsert of a person returned no row');
  return row;
}

/**
 * The person stored under a former key of theirs becomes theirs under the current one: the same row, so
 * their tickets, role and history stay with them. Nothing is copied or deleted; a row already under the
 * current key wins.
 */
async function adoptFormerRow(db: DbOrTx, ref: PersonRef, formerly: string[]): Promise<void> {
  if (await findPerson(db, ref)) return;
  const [former] = await db
    .select()
    .from(people)
    .where(and(eq(people.platform, ref.platform), inArray(people.workspace, formerly), eq(people.userId, ref.userId)))
    .orderBy(asc(people.id))
    .limit(1);
  if (!former) return;
  await db
    .update(people)
    .set({ workspace: ref.workspace })
    .where(eq(people.id, former.id))
    .catch(() => undefined); // Someone else adopted it, or made the current key, a moment ago: theirs stands.
}

export async function findPerson(db: DbOrTx, ref: PersonRef): Promise<Person | undefined> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.platform, ref.platform), eq(people.workspace, ref.workspace), eq(people.userId, ref.userId)));
  return row;
}

export async function findPersonById(db: DbOrTx, id: number): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row;
}

/** Gives a role (and for agents a tier); creates the person if they have never spoken to the desk. */
export async function setRole(db: DbOrTx, ref: PersonRef, role: Person['role'], tier: Person['tier']): Promise<Person> {
  const person = await upsertPerson(db, {
    ...ref,
    displayName: ref.displayName ?? (await findPerson(db, ref))?.displayName ?? ref.userId,
  });
  const [row] = await db.update(people).set({ role, tier }).where(eq(people.id, person.id)).returning();
  return row ?? person;
}

export async function listStaff(db: DbOrTx): Promise<Person[]> {
  return db
    .select()
    .from(people)
    .where(ne(people.role, 'requester'))
    .orderBy(asc(people.role), asc(people.displayName));
}

/**
 * The leads, by name: whom the SLA monitor pages when a ticket at the top tier breaches, and who pick up
 * follow-ups of feedback.
 */
export async function listLeads(db: DbOrTx): Promise<Person[]> {
  return db.select().from(people).where(eq(people.role, 'lead')).orderBy(asc(people.displayName));
}

/** The admins, whom the desk tells about what only they can fix (a queue channel the bot is not in). */
export async function listAdmins(db: DbOrTx): Promise<Person[]> {
  return db.select().from(people).where(eq(people.role, 'admin'));
}

/** The admins named in config are admins from start-up on, whatever the database said. */
export async function ensureAdmins(db: DbOrTx, admins: PersonRef[]): Promise<void> {
  for (const admin of admins) await setRole(db, admin, 'admin', null);
}
