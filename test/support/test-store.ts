import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openPostgres, type Store, wrapPglite } from '../../src/store/open-store.ts';

/** Set by CI for the second run of the suite: every test file then gets its own real database. */
const serverUrl = process.env.TEST_DATABASE_URL;

let template: Promise<PGlite> | undefined;

/** Migrated once per worker, then cloned per call: each test file starts from an empty, migrated store. */
async function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const client = new PGlite();
    await wrapPglite(client).migrate();
    return client;
  })();
  return template;
}

export async function createTestStore(): Promise<Store> {
  if (serverUrl) return createServerStore(serverUrl);
  // clone() is typed as the interface, but returns a full PGlite instance.
  const clone = (await (await migratedTemplate()).clone()) as PGlite;
  return wrapPglite(clone);
}

export const testStoreKind = serverUrl ? 'postgres' : 'pglite';

async function createServerStore(url: string): Promise<Store> {
  const name = `tierdesk_test_${randomBytes(5).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const store = openPostgres(dbUrl.toString());
  await store.migrate();
  return {
    ...store,
    async close() {
      await store.close();
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
