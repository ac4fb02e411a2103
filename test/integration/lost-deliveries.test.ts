import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Desk } from '../../src/desk.ts';
import type { Inbound } from '../../src/inbound.ts';
import { withPrintableText } from '../../src/inbound.ts';
import { claimDelivery } from '../../src/store/deliveries.ts';
import type { Store } from '../../src/store/open-store.ts';
import { deliveries, tickets } from '../../src/store/schema.ts';
import { messageImEnvelope } from '../fixtures/slack-payloads.ts';
import { abandonClaims } from '../support/abandoned-claims.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';
import { nowSeconds, slackSignature } from '../support/slack-signing.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * A desk killed mid-event (kill -9, out of memory) leaves a claimed delivery nobody finishes. Slack has been
 * told the event arrived (it is acknowledged before it is handled) and will not send it again. Here the desk
 * "dies" at the moment it has taken the event: its handling never runs past the claim.
 */
async function dieWhileHandling(desk: Desk, store: Store, send: () => Promise<unknown>): Promise<void> {
  const handle = desk.handle;
  let taken: Inbound | undefined;
  desk.handle = async (inbound) => {
    taken = withPrintableText(inbound);
    if (taken.deliveryId) await claimDelivery(store.db, { ...taken, deliveryId: taken.deliveryId });
    return [];
  };
  try {
    await send();
  } finally {
    desk.handle = handle;
  }
  expect(taken?.deliveryId).toBeDefined();
  // A lease on: as far as any desk can tell, the one that took it is gone.
  await abandonClaims(store);
}

const unfinished = (store: Store) =>
  store.db.select({ payload: deliveries.payload, handledAt: deliveries.handledAt }).from(deliveries);

describe('events whose desk died handling them', () => {
  let slack: SlackTestApp | undefined;
  let local: TestApp | undefined;
  afterEach(async () => {
    await slack?.close();
    await local?.close();
    slack = undefined;
    local = undefined;
  });

  it('handles a Slack DM again after its desk died, once, and tells the person why it is late', async () => {
    slack = await startSlackTestApp();
    const app = slack.app;
    const event = messageImEnvelope({
      user: 'U0PAT',
      text: 'ticket my laptop was stolen from the car',
      ts: '1710000000.000100',
      eventId: 'EvLost1',
    });
    const s = slack;
    await dieWhileHandling(app.desk, app.store, () => s.event(event));
    expect(slack.api.messagesIn('DU0PAT')).toEqual([]);

    expect(await app.runJob('lost-deliveries')).toBe(1);
    const said = slack.api.messagesIn('DU0PAT').map((m) => m.text);
    expect(said[0]).toMatch(/restarted while it was working on "ticket my laptop was stolen/);
    expect(said.join('\n')).toMatch(/opened ticket T-\d+/);
    expect(await app.store.db.$count(tickets, eq(tickets.subject, 'my laptop was stolen from the car'))).toBe(1);

    // Taken over once: the next run, and Slack's own retry of the event, change nothing.
    expect(await app.runJob('lost-deliveries')).toBe(0);
    await slack.event(event, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(slack.api.messagesIn('DU0PAT')).toHaveLength(said.length);
    // Its words are kept only while it is being handled.
    expect(await unfinished(app.store)).toEqual([{ payload: null, handledAt: expect.any(Date) }]);
  });

  it('handles again Slack DMs still waiting their turn when their desk died', async () => {
    slack = await startSlackTestApp();
    const { app, api } = slack;
    // The desk is stuck on its first events (a slow service); the others wait their turn behind them. Each was
    // acknowledged on arrival, so Slack will not send any of them again.
    const handle = app.desk.handle;
    const stuck: (() => void)[] = [];
    app.desk.handle = () => new Promise((resolve) => stuck.push(() => resolve([])));
    const users = Array.from({ length: 10 }, (_, i) => `U0WAIT${i}`);
    for (const [i, user] of users.entries()) {
      const ts = `${1710000100 + i}.000100`;
      const body = JSON.stringify(
        messageImEnvelope({ user, text: `my monitor ${i} flickers`, ts, eventId: `EvWait${i}` }),
      );
      // Sent as Slack sends it, without waiting for the desk to go idle (it will not, stuck).
      const res = await fetch(new URL('/slack/events', app.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...slackSignature(body, nowSeconds()) },
        body,
      });
      expect(res.status).toBe(200);
    }
    await expect.poll(() => app.store.db.$count(deliveries), { timeout: 5000 }).toBe(users.length);
    expect(stuck.length).toBeLessThan(users.length);
    // It dies: whatever it was doing, and whatever still waited, is never finished.
    app.desk.handle = async () => [];
    for (const release of stuck) release();
    await app.idle();
    app.desk.handle = handle;
    await abandonClaims(app.store);

    expect(await app.runJob('lost-deliveries')).toBe(users.length);
    for (const user of users) {
      expect(api.messagesIn(`D${user}`)[0]?.text).toMatch(/restarted while it was working on "my monitor \d flickers"/);
    }
  });

  it('leaves an event alone while its lease runs, and finds the ticket its desk had opened before dying', async () => {
    local = await startTestApp();
    const app = local;
    // Dies after opening the ticket, before marking the event handled: what it stored while handling stays.
    const handle = app.desk.handle;
    let taken: Inbound | undefined;
    app.desk.handle = (inbound) => {
      taken = withPrintableText(inbound);
      return handle(inbound);
    };
    const res = await app.post('/api/local/messages', {
      user: 'pat',
      text: 'ticket the projector in room 4 is dead',
      id: 'm-1',
    });
    app.desk.handle = handle;
    expect(await res.text()).toMatch(/opened ticket T-1/);
    await app.store.db.update(deliveries).set({ handledAt: null, payload: taken });

    expect(await app.runJob('lost-deliveries')).toBe(0);
    await abandonClaims(app.store);
    expect(await app.runJob('lost-deliveries')).toBe(1);
    expect(await app.store.db.$count(tickets)).toBe(1);
    const inbox = await (await app.get('/api/local/inbox?user=pat')).text();
    expect(inbox).toMatch(/restarted while it was working on/);
    expect(inbox).toMatch(/T-1/);
  });
});
