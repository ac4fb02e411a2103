import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { digestPosts, interactions, people, pulseRuns, surveyAsks } from '../../src/store/schema.ts';
import { startDeskProcess, stopDeskProcess, waitFor } from '../support/desk-process.ts';
import { createServerDatabase } from '../support/test-store.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const names = ['amy', 'ben', 'cal', 'dot', 'eve', 'fay'];

/**
 * Two real desk processes on one Postgres, each with its job runner, and a pulse and the weekly digest due
 * every minute: each minute's slot starts one run between them, everyone is asked once, and last week's
 * digest goes to the CoE's place once. PGlite has one process by design.
 */
describe.skipIf(!serverUrl)('scheduled work with two desk processes on one Postgres', () => {
  it('sends each person the pulse once, whichever process takes the slot', async () => {
    const { url, store } = await createServerDatabase(serverUrl ?? '');
    const dir = mkdtempSync(join(tmpdir(), 'tierdesk-pulse-'));
    writeFileSync(
      join(dir, 'minute.yaml'),
      "id: minute-pulse\ntitle: Every minute\nquestions:\n  - { id: overall, kind: scale, text: How are we doing? }\naudience: { usedWithinDays: 7 }\nschedule: '* * * * *'\n",
    );
    for (const name of names) {
      const [person] = await store.db
        .insert(people)
        .values({ platform: 'local', workspace: 'local', userId: name, displayName: name })
        .returning();
      if (!person) throw new Error('person not stored');
      await store.db.insert(interactions).values({
        personId: person.id,
        place: { platform: 'local', workspace: 'local', channel: `@${name}` },
        question: 'how do I reset my password',
        outcome: 'answered',
        confidence: 0.9,
        candidates: [],
      });
    }
    const env = {
      DATABASE_URL: url,
      PORT: '0',
      SURVEYS_DIR: dir,
      LOCAL_EMBEDDINGS: 'false',
      KNOWLEDGE_WATCH: 'false',
      LOG_LEVEL: 'info',
      DIGEST_CRON: '* * * * *',
      DIGEST_PLACES: 'local:#coe',
    };
    const desks = [startDeskProcess(env), startDeskProcess(env)];
    try {
      // pg-boss fires a cron at the next minute; the run is done once everyone's ask is sent.
      await waitFor(
        async () => {
          const runs = await store.db.select().from(pulseRuns);
          return runs.some((r) => r.finishedAt !== null);
        },
        'a finished pulse run',
        150_000,
      );
      const [run] = await store.db.select().from(pulseRuns).orderBy(pulseRuns.id).limit(1);
      const asks = await store.db
        .select()
        .from(surveyAsks)
        .where(eq(surveyAsks.runId, run?.id ?? 0));
      expect(asks).toHaveLength(names.length);
      expect(new Set(asks.map((a) => a.personId)).size).toBe(names.length);
      expect(asks.every((a) => a.sentAt !== null && a.skipped === null && a.notDelivered === null)).toBe(true);
      // Each slot is one run: however many there are by now, no slot was started twice.
      const slots = (await store.db.select().from(pulseRuns)).map((r) => r.slot.toISOString());
      expect(new Set(slots).size).toBe(slots.length);

      // A second minute's tick has run in both processes: the digest, claimed once, was posted once.
      await waitFor(async () => (await store.db.select().from(pulseRuns)).length >= 2, 'a second minute', 150_000);
      const posts = await store.db.select().from(digestPosts);
      expect(posts.map((p) => [p.place, p.status])).toEqual([['local:#coe', 'posted']]);
      const said = desks.map((d) => d.output().split('weekly digest posted').length - 1);
      expect(said.reduce((a, b) => a + b)).toBe(1);
    } finally {
      for (const desk of desks) await stopDeskProcess(desk);
      await store.close();
    }
  }, 330_000);
});
