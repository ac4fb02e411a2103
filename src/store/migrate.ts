import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from './db.ts';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Any fixed number works; it only has to be the same in every Tierdesk process. */
const migrationLock = 7_242_001;

/**
 * Runs `apply` while holding a Postgres advisory lock, so replicas starting together migrate once and
 * the others wait, then find nothing left to do. `db` must sit on the connection `apply` uses.
 */
export async function withMigrationLock(db: Db, apply: () => Promise<void>): Promise<void> {
  await db.execute(sql`select pg_advisory_lock(${migrationLock})`);
  try {
    await apply();
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${migrationLock})`);
  }
}
