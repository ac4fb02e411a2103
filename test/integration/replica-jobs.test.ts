import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withPrintableText } from '../../src/inbound.ts';
import { claimDelivery } from '../../src/store/deliveries.ts';
import { digestPostsOf } from '../../src/store/digest-posts.ts';
import type { Store } from '../../src/store/open-store.ts';
import { keepOutbound } from '../../src/store/outbound-messages.ts';
import { outboundMessages, people } from '../../src/store/schema.ts';
import { insertTicket } from '../../src/store/tickets.ts';
import { fakeTeam, type SlackApiFake, startSlackApiFake } from '../fakes/slack-api.ts';
import { messageImEnvelope } from '../fixtures/slack-payloads.ts';
import { abandonClaims } from '../support/abandoned-claims.ts';
import { type SlackTestApp, startSlackTestApp } from '../support/slack-app.ts';
import { createTestStore } from '../support/test-store.ts';

const env = { QUEUE_TIER1: 'slack:C0QUEUE', DIGEST_PLACES: 'slack:C0COE,slack:C0LEADS' };

/**
 * Two replicas of the desk on one database and one Slack workspace, each job firing in both at the same
 * moment (as when a run outlives its pg-boss expiry and the next starts beside it): each piece of due work is
 * done once, counted by what Slack received. On Postgres the store's pool gives each replica connections of
 * its own; the SLA sweep, the pulse and the calibration refit have theirs in sla-monitor.test.ts,
 * pulse-scheduled-runs.test.ts and answer-calibration.test.ts, and two real processes in pulse-two-processes.
 */
describe('scheduled work fired in two replicas at once', () => {
  let store: Store;
  let api: SlackApiFake;
  let one: SlackTestApp;
  let two: SlackTestApp;
  beforeEach(async () => {
    store = await createTestStore();
    api = await startSlackApiFake();
    one = await startSlackTestApp(env, { api, store });
    two = await startSlackTestApp(env, { api, store });
  });
  afterEach(async () => {
    await one.app.close();
    await two.close();
    await store.close();
  });

  const both = async (job: string) => {
    two.app.clock.set(one.app.clock.now());
    await Promise.all([one.app.runJob(job), two.app.runJob(job)]);
  };
  const posted = (channel: string, text: string) => api.messagesIn(channel).filter((m) => m.text.includes(text));

  it('posts the week’s digest to each place once', async () => {
    one.app.clock.set(new Date('2026-11-30T09:00:00Z'));
    await both('weekly-digest');
    await both('weekly-digest');
    expect(posted('C0COE', 'Weekly digest 2026-W48')).toHaveLength(1);
    expect(posted('C0LEADS', 'Weekly digest 2026-W48')).toHaveLength(1);
    const rows = await digestPostsOf(store.db, '2026-W48');
    expect(rows.map((r) => [r.place, r.status])).toEqual([
      ['slack:C0COE', 'posted'],
      ['slack:C0LEADS', 'posted'],
    ]);
  });

  it('sends each kept message that is due once', async () => {
    const at = one.app.clock.now();
    for (const n of [1, 2, 3]) {
      await keepOutbound(store.db, {
        deliveryKey: `replica-test-${n}`,
        platform: 'slack',
        target: { kind: 'place', address: 'C0OUTBOX' },
        message: { text: `Kept notice ${n}` },
        what: 'notice',
        about: {},
        lastError: 'http_503',
        mayHaveGoneOut: false,
        at,
        nextAttemptAt: at,
      });
    }
    await both('outbox-retry');
    await both('outbox-retry');
    for (const n of [1, 2, 3]) expect(posted('C0OUTBOX', `Kept notice ${n}`)).toHaveLength(1);
    // Each was claimed by one replica and tried once: no post, no look for an earlier post, made twice.
    expect(api.calls.filter((c) => c.args.channel === 'C0OUTBOX').map((c) => c.method)).toEqual([
      'chat.postMessage',
      'chat.postMessage',
      'chat.postMessage',
    ]);
    const rows = await store.db.select().from(outboundMessages);
    expect(rows.map((r) => [r.attempts, r.sentAt !== null])).toEqual([
      [2, true],
      [2, true],
      [2, true],
    ]);
  });

  it('posts a missed queue card once', async () => {
    const [pat] = await store.db
      .insert(people)
      .values({ platform: 'slack', workspace: fakeTeam.id, userId: 'U0PAT', displayName: 'Pat' })
      .returning();
    const at = new Date(one.app.clock.now().getTime() - 10 * 60_000);
    const origin = { platform: 'slack', workspace: fakeTeam.id, channel: 'DU0PAT' };
    for (const subject of ['Printer jams on floor 3', 'Badge reader refuses everyone']) {
      await insertTicket(store.db, { requesterId: pat?.id ?? 0, subject, description: subject, origin, at });
    }
    await both('missed-queue-cards');
    await both('missed-queue-cards');
    expect(posted('C0QUEUE', 'Printer jams on floor 3')).toHaveLength(1);
    expect(posted('C0QUEUE', 'Badge reader refuses everyone')).toHaveLength(1);
  });

  it('handles an event its desk died handling once', async () => {
    // The desk that took it died right after claiming it (see lost-deliveries.test.ts), a lease ago.
    const event = messageImEnvelope({
      user: 'U0PAT',
      text: 'ticket the scanner in hr is offline',
      ts: '1710000000.000900',
      eventId: 'EvRep1',
    });
    const handle = one.app.desk.handle;
    one.app.desk.handle = async (inbound) => {
      const taken = withPrintableText(inbound);
      if (taken.deliveryId) await claimDelivery(store.db, { ...taken, deliveryId: taken.deliveryId });
      return [];
    };
    await one.event(event);
    one.app.desk.handle = handle;
    await abandonClaims(store);
    await both('lost-deliveries');
    await both('lost-deliveries');
    expect(posted('DU0PAT', 'opened ticket')).toHaveLength(1);
    expect(posted('C0QUEUE', 'the scanner in hr is offline')).toHaveLength(1);
  });
});
