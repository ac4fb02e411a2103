import { sql } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { jobRuns } from './schema.ts';

/** A run of `name` finished at `at`: completed, or failed with `error` (its message only: no data). */
export async function recordJobRun(db: DbOrTx, name: string, at: Date, error?: string): Promise<void> {
  const outcome = error === undefined ? { lastCompletedAt: at } : { lastFailedAt: at, lastError: error };
  await db
    .insert(jobRuns)
    .values({ name, ...outcome })
    .onConflictDoUpdate({ target: jobRuns.name, set: outcome });
}

/** When each job last completed, on any replica. */
export async function jobCompletions(db: DbOrTx): Promise<Map<string, Date>> {
  const rows = await db
    .select({ name: jobRuns.name, at: jobRuns.lastCompletedAt })
    .from(jobRuns)
    .where(sql`${jobRuns.lastCompletedAt} is not null`);
  return new Map(rows.flatMap((r) => (r.at ? [[r.name, r.at] as const] : [])));
}
