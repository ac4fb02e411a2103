import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgresJs } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { JobConnection } from '../jobs/job-runner.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { Db } from './db.ts';
import { migrationsFolder, withMigrationLock } from './migrate.ts';
import { openPgliteFolder } from './pglite-folder.ts';
import * as schema from './schema.ts';
import { type SilenceWatch, watchForSilence } from './silence-watch.ts';

export interface Store {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** How scheduled work (pg-boss) reaches this same database. */
  jobConnection: JobConnection;
  /** Runs the migrations under an advisory lock, so replicas starting together migrate once. */
  migrate(): Promise<void>;
  /** A store in a data folder says where the desk over it listens (in the folder's lock, for `npm run chat`). */
  advertise?(url: string): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl?: string;
  dataDir: string;
}

/**
 * Postgres at DATABASE_URL, else PGlite in the data folder, which this process then holds: a second desk on
 * the same folder gets DataDirInUse (PGlite has one writer; two would lose each other's writes).
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  const lock = await lockDataDir(options.dataDir);
  try {
    const dir = join(options.dataDir, 'pglite');
    await mkdir(dir, { recursive: true });
    const client = await openPgliteFolder(dir);
    const store = wrapPglite(client);
    return {
      ...store,
      advertise: lock.advertise,
      close: () => store.close().finally(lock.release),
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

/**
 * While the database is away (restarting, failing over), a request must fail within a person's patience
 * (~5 s) so the desk can say "try again in a moment", and work again as soon as the database is back. The
 * driver's defaults wait for neither: `connect_timeout` is 30 s (a silently dropped address), and its
 * reconnect backoff grows with every failed attempt across the pool to 20 s, which queued queries then
 * wait out even after the server is back (npm run bench:faults). Attempts against a server that refuses cost
 * nothing, so retry soon and often: 50 ms doubling to at most half a second.
 */
const failFast = {
  connect_timeout: 2,
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
};

/** While the server is known away, no backoff: each attempt fails at once, with its queued query. */
const backoffUnless = (watch: SilenceWatch | undefined) => (retries: number) =>
  watch?.away() ? 0 : failFast.backoff(retries);

/**
 * How long a connection may wait for any answer before the server is asked whether it is there at all
 * (silence-watch.ts), and how long that question may take: together within a person's ~5 s.
 */
const silence = { stallMs: 2500, probeMs: 1000 };

/**
 * A list of hosts to fail over between is not watched (the watch probes one server); a unix socket is
 * connected unwatched by the watch itself.
 */
const watchable = (url: string) => !/^postgres(ql)?:\/\/[^/]*,/.test(url);

export function openPostgres(url: string): Store {
  const watch = watchable(url) ? watchForSilence(silence) : undefined;
  // Errors and notices go through our own handling; postgres' default prints NOTICEs to the console. JIT is
  // off: the metrics' queries are short aggregates whose estimated cost (a subquery per row) sets off JIT,
  // and compiling them took 2–3 s of a 3.5 s query on a year of data (npm run bench:digest). work_mem is
  // 32 MB: a week's questions (~190 k at 1 M tickets) sort and group in memory instead of spilling to disk.
  const client = postgres(url, {
    max: 10,
    onnotice: () => {},
    connection: { jit: 'off', work_mem: '32MB' },
    ...failFast,
    ...(watch ? { socket: watch.socket, backoff: backoffUnless(watch) } : {}),
  });
  return {
    db: drizzlePostgres({ client, schema }) as unknown as Db,
    kind: 'postgres',
    jobConnection: { connectionString: url },
    migrate: () => migratePostgres(url),
    close: async () => {
      watch?.stop();
      await client.end({ timeout: 5 });
    },
  };
}

/** Wraps an existing PGlite instance (tests clone a migrated one per file). */
export function wrapPglite(client: PGlite): Store {
  const pgliteDb = drizzlePglite({ client, schema });
  const db = pgliteDb as unknown as Db;
  return {
    db,
    kind: 'pglite',
    jobConnection: {
      // PGlite runs several statements only through exec, and parameters only through query.
      async executeSql(text, values) {
        if (values && values.length > 0) return { rows: (await client.query(text, values as unknown[])).rows };
        return { rows: (await client.exec(text)).at(-1)?.rows ?? [] };
      },
    },
    // One connection means one session, where advisory locks are re-entrant: queue calls instead.
    migrate: serialise(() => withMigrationLock(db, () => migratePglite(pgliteDb, { migrationsFolder }))),
    close: () => client.close(),
  };
}

async function migratePostgres(url: string): Promise<void> {
  // Session-level advisory locks belong to one connection: migrate over a dedicated one.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres({ client, schema });
    await withMigrationLock(db as unknown as Db, () => migratePostgresJs(db, { migrationsFolder }));
  } finally {
    await client.end({ timeout: 5 });
  }
}

function serialise(run: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    last = last.then(run, run);
    return last;
  };
}
