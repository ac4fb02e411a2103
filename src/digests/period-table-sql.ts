import { type SQL, sql } from 'drizzle-orm';
import type { Period } from './period.ts';
import { instant } from './query-rows.ts';

/**
 * Periods as a table `w(key, from_at, to_at)`: a query joins each measure to it laterally and groups by
 * `w.key`, so eight weeks are one query with one row per week (an empty week included) instead of eight.
 */
export function periodTable(periods: readonly { key: string; period: Period }[]): SQL {
  if (periods.length === 0) throw new Error('a period table needs at least one period');
  const rows = periods.map((p) => sql`(${p.key}::text, ${instant(p.period.from)}, ${instant(p.period.to)})`);
  return sql`(values ${sql.join(rows, sql`, `)}) as w(key, from_at, to_at)`;
}

/** Narrows rows to people on one platform (`slack`, `teams`, `local`), as adoption's by-platform split counts them. */
export const onPlatform = (personId: SQL, platform: string | undefined): SQL =>
  platform === undefined
    ? sql`true`
    : sql`exists (select 1 from people p where p.id = ${personId} and p.platform = ${platform})`;
