import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from './db.ts';

/**
 * Runs one raw query and checks its rows. The two drivers hand rows back in different wrappers
 * (postgres-js an array, PGlite `{ rows }`) and may give a count as a string: the schema settles both, and a
 * query that no longer returns what its caller expects fails here, by name, instead of as a NaN later.
 */
export async function queryRows<T extends z.ZodType>(db: DbOrTx, query: SQL, row: T): Promise<z.infer<T>[]> {
  const result = (await db.execute(query)) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return z.array(row).parse(rows);
}
