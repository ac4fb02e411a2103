import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { tickets } from '../../src/store/schema.ts';
import { sampleOf } from '../support/prometheus-text.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** A script sending `ticket …` as fast as it can: the desk takes a person's minute's worth, not all. */
describe('the per-person rate limit on questions and tickets', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => app.close());

  const say = async (user: string, text: string) =>
    ((await (await app.post('/api/local/messages', { user, text })).json()) as { messages: Message[] }).messages
      .map((m) => m.text)
      .join('\n');
  const queueCards = async () =>
    ((await (await app.get('/api/local/inbox?place=%23it-tier1')).json()) as { messages: Message[] }).messages;

  it('opens five tickets a minute for one person, asks them to wait for the rest, and counts what it refused', async () => {
    const replies: string[] = [];
    for (let i = 1; i <= 8; i++) replies.push(await say('carol', `ticket printer jam number ${i}`));
    expect(replies.slice(0, 5).every((r) => /T-\d+/.test(r))).toBe(true);
    for (const refused of replies.slice(5))
      expect(refused).toMatch(/faster than the desk can take them.*wait a minute/);
    expect(await queueCards()).toHaveLength(5);
    expect(await app.store.db.select({ id: tickets.id }).from(tickets)).toHaveLength(5);
    // Someone else is answered as usual in the same minute.
    expect(await say('dave', 'ticket my badge stopped working')).toMatch(/T-\d+/);
    const metrics = await (await app.get('/metrics')).text();
    expect(sampleOf(metrics, 'tierdesk_rate_limited_total', { platform: 'local' })).toBe(3);
    expect(app.log.lines.filter((l) => l.msg === 'rate limited')).toHaveLength(3);

    app.clock.advance(61_000);
    expect(await say('carol', 'ticket printer jam number 9')).toMatch(/T-\d+/);
    expect(await queueCards()).toHaveLength(2);
  });
});
