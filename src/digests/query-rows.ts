import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';

/** Every metric's query runs through the store's checked raw query. */
export { queryRows } from '../store/query-rows.ts';

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
