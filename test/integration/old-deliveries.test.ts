import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveryRetentionDays } from '../../src/store/deliveries.ts';
import { deliveries, tickets } from '../../src/store/schema.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Every event's delivery id is kept so a platform's retry is not handled twice. Kept for ever, the table
 * only grows (a row per message, per button, per submitted form): the `old-deliveries` job forgets those no
 * platform can send again.
 */
describe('old deliveries', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('forgets finished deliveries past their retention, keeps the rest and what they opened', async () => {
    app = await startTestApp();
    const say = async (id: string, text: string) =>
      (await (app as TestApp).post('/api/local/messages', { user: 'pat', text, id })).text();
    expect(await say('old-ticket', 'ticket the printer on floor 2 jams')).toMatch(/opened ticket T-1/);
    await say('old-question', 'how do I connect to the vpn?');
    await say('recent', 'how do I reset my password?');
    await say('old-released', 'where is the wifi password?');
    await say('old-unfinished', 'my laptop will not start');
    const age = (id: string, days: number, set = sql``) =>
      app?.store.db.execute(
        sql`update deliveries set received_at = now() - make_interval(days => ${days}) ${set}
          where delivery_id like ${`%/${id}`}`,
      );
    const past = deliveryRetentionDays + 1;
    await age('old-ticket', past);
    await age('old-question', past);
    await age('recent', deliveryRetentionDays - 1);
    await age('old-released', past, sql`, handled_at = null, released_at = now() - interval '31 days'`);
    // Claimed and never finished (its desk died): lost-deliveries' to take, not this job's to forget.
    await age('old-unfinished', past, sql`, handled_at = null, payload = '{}'::jsonb`);

    expect(await app.runJob('old-deliveries')).toBe(3);
    const left = await app.store.db.select({ id: deliveries.deliveryId }).from(deliveries);
    expect(left.map((r) => r.id.split('/').at(-1)).sort()).toEqual(['old-unfinished', 'recent']);
    expect(await app.store.db.$count(tickets)).toBe(1);
    // A repeat of a delivery still kept is ignored as before.
    expect(JSON.parse(await say('recent', 'how do I reset my password?'))).toEqual({ messages: [] });
    expect(await app.runJob('old-deliveries')).toBe(0);
  });
});
