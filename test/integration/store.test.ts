import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/digests/query-rows.ts';
import type { Message } from '../../src/messages/message.ts';
import { openPostgres, openStore, type Store } from '../../src/store/open-store.ts';
import { people, ticketEvents, tickets } from '../../src/store/schema.ts';
import { insertTicket as openTicket } from '../../src/store/tickets.ts';
import { startTestApp } from '../support/test-app.ts';
import { createServerDatabase, createTestStore } from '../support/test-store.ts';

const origin = { platform: 'local', workspace: 'local', channel: '@alice' };
const journal = JSON.parse(readFileSync(new URL('../../migrations/meta/_journal.json', import.meta.url), 'utf8')) as {
  entries: unknown[];
};

describe('store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.close());

  it('migrates idempotently, also when asked concurrently', async () => {
    await Promise.all([store.migrate(), store.migrate()]);
    const result: unknown = await store.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    // PGlite answers { rows }, postgres-js answers the rows themselves.
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    // Each migration in the journal applied once, whichever of the two calls got there first.
    expect(rows).toEqual([{ n: journal.entries.length }]);
  });

  it('numbers tickets and records an "opened" event in the same transaction', async () => {
    const [person] = await store.db
      .insert(people)
      .values({ platform: 'local', workspace: 'local', userId: 'alice', displayName: 'alice' })
      .returning();
    const at = new Date('2026-11-23T10:00:00Z');
    const { ticket } = await openTicket(store.db, {
      requesterId: person!.id,
      subject: 'S',
      description: 'D',
      origin,
      at,
    });
    expect(ticket).toMatchObject({ id: 1, tier: 'tier1', priority: 'P3', status: 'new', version: 1 });
    const events = await store.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(events).toEqual([expect.objectContaining({ kind: 'opened', toValue: 'new', actorId: person!.id, at })]);
  });

  it('refuses to rewrite or delete history', async () => {
    await expect(store.db.update(ticketEvents).set({ kind: 'edited' })).rejects.toThrow();
    await expect(store.db.delete(ticketEvents)).rejects.toThrow();
    await expect(store.db.delete(tickets)).rejects.toThrow();
    await expect(store.db.delete(people)).rejects.toThrow();
    // One statement emptying a table skips row triggers: it is refused on its own.
    for (const table of ['ticket_events', 'tickets', 'people', 'interactions', 'feedback', 'survey_answers']) {
      await expect(store.db.execute(sql.raw(`truncate ${table} cascade`))).rejects.toMatchObject({
        cause: { message: expect.stringMatching(/TRUNCATE on .* is not allowed/) },
      });
    }
    expect(await store.db.$count(ticketEvents)).toBe(1);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;
const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);

/**
 * Three replicas starting at once on a new database, each migrating over its own connection as its own
 * process would: the advisory lock lets one apply the migrations while the others wait, then find nothing to
 * do. PGlite has one process by design.
 */
describe.skipIf(!serverUrl)('migrations when three replicas start on a new Postgres at once', () => {
  it('applies each migration once, and every replica starts', async () => {
    const { url, store } = await createServerDatabase(serverUrl ?? '', { migrate: false });
    const replicas = [openPostgres(url), openPostgres(url), openPostgres(url)];
    try {
      const started = await Promise.allSettled(replicas.map((r) => r.migrate()));
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : s.status))).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      const applied = rowsOf(
        await store.db.execute(sql`select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`),
      ) as { n: number }[];
      expect(applied).toHaveLength(journal.entries.length);
      expect(applied.every((row) => row.n === 1)).toBe(true);
    } finally {
      for (const r of replicas) await r.close();
      await store.close();
    }
  });
});

describe('embedded PGlite in DATA_DIR', () => {
  it('keeps tickets across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-data-'));
    const ask = async (text: string) => {
      const store = await openStore({ dataDir });
      const app = await startTestApp({}, store);
      try {
        const res = await app.post('/api/local/messages', { user: 'alice', text });
        return ((await res.json()) as { messages: Message[] }).messages[0]?.text ?? '';
      } finally {
        await app.close();
        await store.close();
      }
    };
    expect(await ask('ticket Docking station not detected')).toMatch(/T-1/);
    expect(await ask('status T-1')).toMatch(/T-1: Docking station not detected/);
  });

  it('creates a new data folder and opens it with 32 MB of shared buffers, not the 128 MB PGlite defaults to', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tierdesk-data-'));
    const store = await openStore({ dataDir });
    try {
      expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
      const [setting] = await queryRows(store.db, sql`show shared_buffers`, z.object({ shared_buffers: z.string() }));
      expect(setting?.shared_buffers).toBe('32MB');
    } finally {
      await store.close();
    }
  });
});
