/**
 * A database of its own on the shared Postgres server (127.0.0.1:5432 unless `HOSTILE_PG_URL` says otherwise),
 * created for one scenario and dropped after it. The desk runs on it through `DATABASE_URL`, so the scenario
 * can count rows while the desk is running (embedded PGlite has one writer: it could only be read after
 * stopping the desk, between each phase).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

const server = process.env.HOSTILE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ThrowawayDatabase {
  /** A URL for it; `password` is put in it (the server's trust authentication ignores it). */
  url(password?: string): string;
  /** Rows in each table of the desk's schema, by table. */
  counts(): Promise<Map<string, number>>;
  query<T extends Record<string, unknown>>(text: string): Promise<T[]>;
  drop(): Promise<void>;
}

export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const name = `tierdesk_hostile_${randomBytes(4).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(server);
  target.pathname = `/${name}`;
  const own = postgres(target.toString(), { max: 2, onnotice: () => {} });
  return {
    url(password) {
      const url = new URL(target);
      if (password !== undefined) url.password = password;
      return url.toString();
    },
    async counts() {
      const tables = await own<{ name: string }[]>`
        select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
      const found = new Map<string, number>();
      for (const { name: table } of tables) {
        const [row] = await own.unsafe<{ n: string }[]>(`select count(*) as n from "${table}"`);
        found.set(table, Number(row?.n ?? 0));
      }
      return found;
    },
    query: <T extends Record<string, unknown>>(text: string) => own.unsafe<T[]>(text) as unknown as Promise<T[]>,
    async drop() {
      await own.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** What changed between two `counts()`: the tables whose rows grew or shrank, and by how much. */
export function rowsWritten(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const changed = new Map<string, number>();
  for (const [table, n] of after) {
    const delta = n - (before.get(table) ?? 0);
    if (delta !== 0) changed.set(table, delta);
  }
  return changed;
}

export const describeRows = (changed: Map<string, number>) =>
  changed.size === 0 ? '0' : [...changed].map(([t, n]) => `${t} ${n > 0 ? '+' : ''}${n}`).join(', ');
