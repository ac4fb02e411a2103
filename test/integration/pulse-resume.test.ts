import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import type { Store } from '../../src/store/open-store.ts';
import { planPulseRun, startPulseRun, takeAsksToSend } from '../../src/store/pulse-runs.ts';
import { people, pulseRuns, surveyAsks } from '../../src/store/schema.ts';
import { startTestApp, type TestApp, testStart } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

const survey = {
  id: 'monday-pulse',
  title: 'How is the help desk doing?',
  anonymous: false,
  questions: [{ id: 'overall', kind: 'scale' as const, text: 'Overall, how satisfied are you?' }],
  audience: { usedWithinDays: 30 },
  schedule: '0 9 * * 1',
};

/** A desk that died while sending a pulse: the run started, everyone planned, one ask taken and never sent. */
describe('a pulse survey interrupted by a restart', () => {
  let store: Store;
  let app: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'tierdesk-surveys-'));
  writeFileSync(
    join(dir, 'monday-pulse.yaml'),
    `id: monday-pulse\ntitle: How is the help desk doing?\nquestions:\n  - { id: overall, kind: scale, text: 'Overall, how satisfied are you?' }\naudience: { usedWithinDays: 30 }\nschedule: '0 9 * * 1'\n`,
  );
  beforeAll(async () => {
    store = await createTestStore();
    app = await startTestApp({ SURVEYS_DIR: dir }, store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const inbox = async (user: string) =>
    ((await (await app.get(`/api/local/inbox?user=${user}`)).json()) as { messages: Message[] }).messages;
  const pulsesIn = async (user: string) => (await inbox(user)).filter((m) => m.text.includes('A short survey'));

  it('carries on after the restart: the rest are asked once, the one in flight is not asked again', async () => {
    app.clock.set(new Date(testStart.getTime() - 86_400_000));
    for (const user of ['amy', 'ben', 'cal'])
      await app.post('/api/local/messages', { user, text: 'how do I reset my password' });
    for (const user of ['amy', 'ben', 'cal']) await inbox(user);
    const asked = await store.db.select().from(people).where(eq(people.platform, 'local'));
    // The slot's run as the dead desk left it.
    const slot = testStart;
    const run = await startPulseRun(store.db, {
      surveyId: survey.id,
      slot,
      trigger: 'schedule',
      survey,
      startedAt: slot,
    });
    if (!run) throw new Error('run not started');
    const place = { platform: 'local', workspace: 'local', channel: 'dm' };
    await planPulseRun(
      store.db,
      run.id,
      asked.map((p) => ({ personId: p.id, place })),
      { askedAt: slot, expiresAt: new Date(slot.getTime() + 14 * 86_400_000) },
    );
    const [inFlight] = await takeAsksToSend(store.db, run.id, 1, slot);
    const lost = asked.find((p) => p.id === inFlight?.personId)?.userId;

    app.clock.set(new Date(slot.getTime() + 5 * 60_000));
    await app.runJob('pulse-surveys');
    await app.runJob('pulse-surveys');
    for (const user of ['amy', 'ben', 'cal']) expect(await pulsesIn(user)).toHaveLength(user === lost ? 0 : 1);
    const runs = await store.db.select().from(pulseRuns);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.finishedAt).not.toBeNull();
    const asks = await store.db.select().from(surveyAsks).where(eq(surveyAsks.runId, run.id));
    expect(asks.every((a) => a.sentAt !== null)).toBe(true);
  });
});
