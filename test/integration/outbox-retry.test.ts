import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.ts';
import { createDelivery, outboxRetry } from '../../src/delivery.ts';
import { createMemoryLogger } from '../../src/log.ts';
import type { Message } from '../../src/messages/message.ts';
import type { Posted } from '../../src/model/identity.ts';
import { type Outbox, OutboxError, type SendOptions } from '../../src/outbox.ts';
import type { Store } from '../../src/store/open-store.ts';
import { summariseOutbound } from '../../src/store/outbound-messages.ts';
import { outboundMessages } from '../../src/store/schema.ts';
import { createTestStore } from '../support/test-store.ts';

type Attempt = { kind: 'post' | 'dm' | 'update'; to: string; text: string; options?: SendOptions };

/** An outbox that fails as told, one failure per call, then takes everything; it records every attempt. */
function scriptedOutbox() {
  const failures: unknown[] = [];
  const attempts: Attempt[] = [];
  let n = 0;
  const go = async (attempt: Attempt): Promise<Posted> => {
    attempts.push(attempt);
    const failure = failures.shift();
    if (failure) throw failure;
    return { platform: 'slack', id: `${attempt.to}/17000000${++n}.0001` };
  };
  const outbox: Outbox = {
    post: (address, message, options) => go({ kind: 'post', to: address, text: message.text, options }),
    dm: (person, message, options) => go({ kind: 'dm', to: person.userId, text: message.text, options }),
    update: async (posted, message) => {
      await go({ kind: 'update', to: posted.id, text: message.text });
    },
  };
  return { outbox, attempts, failWith: (...errors: unknown[]) => failures.push(...errors) };
}

const timeout = () => new OutboxError('timeout', { retryable: true, mayHaveGoneOut: true });
const ratelimited = (retryAfterMs: number) => new OutboxError('ratelimited', { retryable: true, retryAfterMs });

describe('Delivery with an outbox that keeps what did not go out', () => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.close());

  function setUp() {
    const slack = scriptedOutbox();
    const clock = createFixedClock(new Date('2026-11-23T09:00:00Z'));
    const log = createMemoryLogger();
    const remembered: [string, Posted][] = [];
    const delivery = createDelivery({ slack: slack.outbox }, log, {
      db: store.db,
      clock,
      remembered: async (key, posted) => {
        remembered.push([key, posted]);
      },
    });
    const at = (minutes: number) => clock.set(new Date(Date.parse('2026-11-23T09:00:00Z') + minutes * 60_000));
    return { slack, clock, log, remembered, delivery, at };
  }
  const card: Message = { text: 'T-7 from ann: VPN down', remember: 'queue-card:7:tier1:1' };

  it('retries when due, under the same delivery key, looking first for an attempt that may have gone out', async () => {
    const { slack, delivery, remembered, at, log } = setUp();
    slack.failWith(timeout());
    expect(await delivery.toPlace('slack:C0Q', card, 'queue card', { ticket: 7 })).toEqual({
      ok: false,
      reason: 'failed',
      problem: 'timeout',
      queued: true,
    });
    expect(remembered).toEqual([]);
    at(0.9);
    expect((await delivery.retryDue()).tried).toBe(0);
    at(1);
    expect(await delivery.retryDue()).toEqual({ tried: 1, sent: 1, waiting: 0, gaveUp: 0 });
    const [first, second] = slack.attempts;
    expect(second).toEqual({
      kind: 'post',
      to: 'C0Q',
      text: card.text,
      options: { key: first?.options?.key, mayHaveGoneOut: true },
    });
    // Where it finally went is reported, so the ticket keeps the card to edit.
    expect(remembered).toEqual([['queue-card:7:tier1:1', { platform: 'slack', id: 'C0Q/170000001.0001' }]]);
    expect(log.lines.map((l) => l.msg)).toEqual([
      'message not delivered',
      'message delivered after retrying',
      'outbox retried',
    ]);
    // Sent once: the next run finds nothing to do.
    at(10);
    expect((await delivery.retryDue()).tried).toBe(0);
  });

  it('backs off from a minute, waits at least what Retry-After asked, and gives up after a day', async () => {
    const { slack, delivery, at } = setUp();
    slack.failWith(ratelimited(5 * 60_000), ...Array.from({ length: 60 }, timeout));
    await delivery.toPerson({ platform: 'slack', workspace: 'T1', userId: 'U0LEE' }, { text: 'SLA' }, 'sla alert');
    const [row] = await store.db.select().from(outboundMessages).where(eq(outboundMessages.what, 'sla alert'));
    expect(row?.nextAttemptAt?.toISOString()).toBe('2026-11-23T09:05:00.000Z');
    const gaps: number[] = [];
    let now = 5;
    for (let i = 0; i < 60; i++) {
      at(now);
      const report = await delivery.retryDue();
      if (report.gaveUp) break;
      const [after] = await store.db
        .select()
        .from(outboundMessages)
        .where(eq(outboundMessages.id, row?.id ?? 0));
      const next = ((after?.nextAttemptAt?.getTime() ?? 0) - Date.parse('2026-11-23T09:00:00Z')) / 60_000;
      gaps.push(next - now);
      now = next;
    }
    expect(gaps.slice(0, 8)).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
    // A 429 means Slack took nothing: the first retry posts without looking; after a timeout, it looks first.
    expect(slack.attempts.slice(1, 3).map((a) => a.options?.mayHaveGoneOut)).toEqual([false, true]);
    const [given] = await store.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.id, row?.id ?? 0));
    expect(given?.givenUpAt).not.toBeNull();
    expect((given?.givenUpAt?.getTime() ?? 0) - (given?.createdAt.getTime() ?? 0)).toBeGreaterThanOrEqual(
      outboxRetry.giveUpAfterMs,
    );
    expect(given?.sentAt).toBeNull();
  });

  it('gives up at once on what the platform will refuse again, and still counts it for admins', async () => {
    const { slack, delivery, at } = setUp();
    slack.failWith(new OutboxError('invalid_blocks', { retryable: false }));
    expect(await delivery.toPlace('slack:C0Q', { text: 'broken' }, 'digest')).toEqual({
      ok: false,
      reason: 'failed',
      problem: 'invalid_blocks',
    });
    at(2);
    expect((await delivery.retryDue()).tried).toBe(0);
    const summary = await summariseOutbound(store.db, new Date('2026-11-20T00:00:00Z'));
    expect(summary.latest.find((r) => r.what === 'digest')).toMatchObject({
      lastError: 'invalid_blocks',
      nextAttemptAt: null,
    });
    expect(summary.givenUp).toBeGreaterThanOrEqual(1);
  });

  it('keeps and retries a failure whose cause the outbox did not give', async () => {
    const { slack, delivery, at } = setUp();
    slack.failWith(new Error('socket hang up'));
    expect(await delivery.toPlace('slack:C0Q', { text: 'status' }, 'requester notice')).toEqual({
      ok: false,
      reason: 'failed',
      queued: true,
    });
    at(1);
    expect((await delivery.retryDue()).sent).toBe(1);
    expect(slack.attempts.at(-1)?.options?.mayHaveGoneOut).toBe(true);
  });

  it('lets an edit waiting be overtaken by a newer edit of the same post, which goes out instead', async () => {
    const { slack, delivery, at } = setUp();
    const posted = { platform: 'slack', id: 'C0Q/1700000500.0001' };
    slack.failWith(timeout(), timeout());
    await delivery.update(posted, { text: 'claimed by Lee' }, 'queue card');
    await delivery.update(posted, { text: 'resolved by Lee' }, 'queue card');
    at(1);
    expect((await delivery.retryDue()).sent).toBe(1);
    expect(slack.attempts.map((a) => a.text)).toEqual(['claimed by Lee', 'resolved by Lee', 'resolved by Lee']);

    // An edit that goes out directly supersedes an older one still waiting: it must not overwrite it later.
    slack.failWith(timeout());
    await delivery.update(posted, { text: 'reopened' }, 'queue card');
    await delivery.update(posted, { text: 'closed' }, 'queue card');
    at(5);
    expect((await delivery.retryDue()).tried).toBe(0);
    expect(slack.attempts.at(-1)?.text).toBe('closed');
  });

  it('sends each due message once when two retry runs overlap', async () => {
    const { slack, delivery, at } = setUp();
    slack.failWith(timeout(), timeout(), timeout());
    for (const text of ['one', 'two', 'three']) await delivery.toPlace('slack:C0Q', { text }, 'queue card');
    at(1);
    const runs = await Promise.all([delivery.retryDue(), delivery.retryDue()]);
    expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    expect(slack.attempts.map((a) => a.text).sort()).toEqual(['one', 'one', 'three', 'three', 'two', 'two']);
  });
});
