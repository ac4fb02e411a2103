import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import type { Store } from '../../src/store/open-store.ts';
import { answerCalibrations, interactions } from '../../src/store/schema.ts';
import { buttonsOf, startTestApp, type TestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

const question = 'my vpn keeps dropping';
const admins = { ADMINS: 'local:ann' };

/** 120 logged answers people reacted to: 👍 only when the word evidence was 0.15 above `evidence`, else 👎. */
function reactedTo(evidence: number, personId: number, at: Date) {
  return Array.from({ length: 120 }, (_, i) => {
    const e = Math.min(1, (i + 0.5) / 120);
    return {
      personId,
      place: { platform: 'local', workspace: 'local', channel: 'dm:alice' },
      question: `logged question ${i}`,
      outcome: 'answered' as const,
      articleId: 'vpn-connect',
      confidence: 0.9,
      candidates: [{ articleId: 'vpn-connect', confidence: 0.9 }],
      features: [e],
      helpful: e > evidence + 0.15,
      feedbackAt: at,
      createdAt: at,
    };
  });
}

/**
 * A desk whose outcomes say it is overconfident: its articles turned out right only when the word evidence
 * was well above what the question above has. The shipped curve answers that question; a desk calibrated to
 * those outcomes must not, and must say what it chose.
 */
describe('a desk that calibrates its answer decision from logged outcomes', () => {
  let store: Store;
  let app: TestApp;
  beforeAll(async () => {
    store = await createTestStore();
    app = await startTestApp(admins, store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const ask = async (on: TestApp, user: string, text: string) =>
    ((await (await on.post('/api/local/messages', { user, text })).json()) as { messages: Message[] }).messages;
  const say = async (on: TestApp, user: string, text: string) =>
    (await ask(on, user, text)).map((m) => m.text).join('\n');
  const answered = (messages: Message[]) => buttonsOf(messages[0]).some((b) => b.actionId === 'helpful');

  /** What the question's top candidate was judged on when it was last asked. */
  const lastFeatures = async () => {
    const [row] = await store.db
      .select({ features: interactions.features, personId: interactions.personId })
      .from(interactions)
      .orderBy(desc(interactions.createdAt))
      .limit(1);
    return row;
  };

  /** 120 questions people reacted to: 👍 only when the evidence was 0.15 above the question's, else 👎. */
  const logOutcomes = (evidence: number, personId: number) =>
    store.db.insert(interactions).values(reactedTo(evidence, personId, app.clock.now()));

  it('with the shipped curve answers; calibrated, it asks back instead, says why, and keeps it after a restart', async () => {
    const shown = await say(app, 'ann', 'kb calibration');
    expect(shown).toMatch(/the shipped one\. Not calibrated yet: 0 of the 50 outcomes/);
    expect(answered(await ask(app, 'alice', question))).toBe(true);
    const first = await lastFeatures();
    const evidence = first?.features?.[0] ?? Number.NaN;
    expect(evidence).toBeGreaterThan(0);
    await logOutcomes(evidence, first?.personId ?? 0);

    const refit = await say(app, 'ann', 'kb calibrate');
    expect(refit).toMatch(/fitted to 12\d logged outcomes .* by ann/);
    expect(refit).toMatch(/Answers at\* confidence 0\.\d\d or more, chosen for at most 10\.0 % wrong answers/);
    const [stored] = await store.db.select().from(answerCalibrations).orderBy(desc(answerCalibrations.id)).limit(1);
    expect(stored).toMatchObject({ method: 'fitted', kind: 'words', maxWrongRate: 0.1 });
    expect(stored?.expected.wrongRate).toBeLessThanOrEqual(0.1);
    expect(stored?.shipped.wrongRate).toBeGreaterThan(0.3);
    expect(app.log.lines).toContainEqual(
      expect.objectContaining({ msg: 'answer decision calibrated', method: 'fitted', outcomes: stored?.outcomes }),
    );

    // The same question is no longer answered outright: the desk was told its evidence is not enough.
    expect(answered(await ask(app, 'bob', question))).toBe(false);
    const restarted = await startTestApp(admins, store);
    try {
      expect(answered(await ask(restarted, 'carol', question))).toBe(false);
      expect(await say(restarted, 'ann', 'kb calibration')).toMatch(/fitted to 12\d logged outcomes/);
    } finally {
      await restarted.close();
    }
  });

  it('lets a set ANSWER_MIN_CONFIDENCE win, refuses requesters, and goes back to the shipped curve on reset', async () => {
    const fixed = await startTestApp({ ...admins, ANSWER_MIN_CONFIDENCE: '0.6' }, store);
    try {
      expect(await say(fixed, 'ann', 'kb calibration')).toMatch(
        /0\.60 or more: ANSWER_MIN_CONFIDENCE is set, so it wins/,
      );
    } finally {
      await fixed.close();
    }
    expect(await say(app, 'dave', 'kb calibrate')).toMatch(/only admins and leads/);
    const reset = await say(app, 'ann', 'kb calibrate reset');
    expect(reset).toMatch(/the shipped one\. Reset on .* by ann/);
    expect(answered(await ask(app, 'erin', question))).toBe(true);
    // Nothing is deleted: the fit and the reset are both on record.
    const rows = await store.db.select({ method: answerCalibrations.method }).from(answerCalibrations);
    expect(rows.map((r) => r.method)).toEqual(['fitted', 'shipped']);
  });

  it('refits weekly once, however often the job runs (replicas, retries), and the refit is the scheduled one', async () => {
    app.clock.set(new Date(app.clock.now().getTime() + 7 * 86_400_000));
    // A second replica on the same store, its job firing at the same moment.
    const replica = await startTestApp(admins, store);
    replica.clock.set(app.clock.now());
    try {
      await Promise.all([app.runJob('answer-calibration'), replica.runJob('answer-calibration')]);
    } finally {
      await replica.close();
    }
    await app.runJob('answer-calibration');
    const rows = await store.db.select().from(answerCalibrations).orderBy(answerCalibrations.id);
    expect(rows.map((r) => r.method)).toEqual(['fitted', 'shipped', 'fitted']);
    expect(rows.at(-1)?.requestedBy).toBeNull();
    expect(await say(app, 'ann', 'kb calibration')).toMatch(/fitted to 12\d logged outcomes on .* by the weekly refit/);
    expect(answered(await ask(app, 'fay', question))).toBe(false);
  });
});

describe('a calibration stored by one replica', () => {
  it('is used by another running replica within a minute, without a restart', async () => {
    const store = await createTestStore();
    const one = await startTestApp(admins, store);
    // Only the replica's own timers are faked: its HTTP server and the store keep real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const other = await startTestApp(admins, store);
    try {
      const messages = async (on: TestApp, user: string, text: string) =>
        ((await (await on.post('/api/local/messages', { user, text })).json()) as { messages: Message[] }).messages;
      const answered = async (on: TestApp, user: string) =>
        buttonsOf((await messages(on, user, question))[0]).some((b) => b.actionId === 'helpful');
      expect(await answered(other, 'alice')).toBe(true);
      const [row] = await store.db
        .select({ features: interactions.features, personId: interactions.personId })
        .from(interactions)
        .limit(1);
      const evidence = row?.features?.[0] ?? Number.NaN;
      // Every logged answer with this question's evidence or less was wrong: a fit must stop answering it.
      await store.db.insert(interactions).values(reactedTo(evidence, row?.personId ?? 0, one.clock.now()));
      expect((await messages(one, 'ann', 'kb calibrate'))[0]?.text).toMatch(/fitted to 12\d logged outcomes/);
      expect(await answered(other, 'bob')).toBe(true);
      vi.advanceTimersByTime(60_000);
      await vi.waitFor(() =>
        expect(other.log.lines).toContainEqual(expect.objectContaining({ msg: 'answer decision updated' })),
      );
      expect(await answered(other, 'carol')).toBe(false);
    } finally {
      vi.useRealTimers();
      await other.close();
      await one.close();
      await store.close();
    }
  });
});
