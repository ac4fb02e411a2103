import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../store/db.ts';

/**
 * Runs one aggregate query and checks its rows. The two drivers hand rows back in different wrappers
 * (postgres-js an array, PGlite `{ rows }`) and may give a count as a string: the schema settles both, and a
 * query that no longer returns what the report expects fails here, by name, instead of as a NaN later.
 */
export async function queryRows<T extends z.ZodType>(db: DbOrTx, query: SQL, row: T): Promise<z.infer<T>[]> {
  const result = (await db.execute(query)) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return z.array(row).parse(rows);
}

/** A count or a sum: never null (`coalesce` in the query), a number whichever driver reads it. */
export const count = z.coerce.number().int();
/** An average or a median: null when nothing was measured. */
export const measured = z.union([z.null(), z.coerce.number()]);

/** The share `part / whole` as 0–1, or null when there was nothing to take a share of. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Rows of `{ key, n }` as a record, for breakdowns by platform, class, tier or priority. */
export function tally<K extends string>(rows: readonly { key: K; n: number }[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const r of rows) out[r.key] = (out[r.key] ?? 0) + r.n;
  return out;
}

/** An instant as a query parameter, typed, so both drivers send it the same way. */
export const instant = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`;
