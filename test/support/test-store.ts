import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openPostgres, type Store, wrapPglite } from '../../src/store/open-store.ts';

/** Set by CI for the second run of the suite: every test file then gets its own real database. */
const serverUrl = process.env.TEST_DATABASE_URL;

let template: Promise<Blob | File> | undefined;

/**
 * An empty, migrated database's files, made once per worker (test files share a worker: vitest.config.ts
 * does not isolate them) and kept: each store then boots from them, as `clone()` would, without dumping
 * the same files again every time.
 */
async function migratedTemplate(): Promise<Blob | File> {
  template ??= (async () => {
    const client = new PGlite();
    await wrapPglite(client).migrate();
    const files = await client.dumpDataDir('none');
    await client.close();
    return files;
  })();
  return template;
}

/** An empty, migrated store of its own. */
export async function createTestStore(): Promise<Store> {
  if (serverUrl) return createServerStore(serverUrl);
  return wrapPglite(new PGlite({ loadDataDir: await migratedTemplate() }));
}

export const testStoreKind = serverUrl ? 'postgres' : 'pglite';

async function createServerStore(url: string): Promise<Store> {
  return (await createServerDatabase(url)).store;
}

/**
 * A real database of its own on the test server, migrated (unless told not to: a test of migrating it), and its
 * URL (for a desk process to open too); dropped when the store is closed.
 */
export async function createServerDatabase(
  url: string,
  options: { migrate?: boolean } = {},
): Promise<{ url: string; store: Store }> {
  const name = `tierdesk_test_${randomBytes(5).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const store = openPostgres(dbUrl.toString());
  if (options.migrate !== false) await store.migrate();
  return {
    url: dbUrl.toString(),
    store: {
      ...store,
      async close() {
        await store.close();
        const cleanup = postgres(url, { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    },
  };
}
