import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Store } from '../../src/store/open-store.ts';
import { tickets } from '../../src/store/schema.ts';
import { probe } from '../../src/store/silence-watch.ts';
import { waitFor } from '../support/desk-process.ts';
import { type SilentProxy, startSilentProxy } from '../support/silent-proxy.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { createServerDatabase } from '../support/test-store.ts';

/**
 * The desk on Postgres behind a network that drops every packet (silent-proxy.ts), as in a partition or a
 * failover that leaves the old address silent. Unlike a restart nothing closes the connections: without the
 * desk's watch on them (store/silence-watch.ts), a ticket written to one waited for the kernel to give up,
 * about 15 minutes, and its person got no answer at all.
 */
const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const serverUp = await probe(server.hostname, Number(server.port || 5432), 2000);
const inCi = process.env.CI === 'true';
if (!serverUp && !inCi) console.warn(`database partition test skipped: no Postgres at ${server.host}`);

const politely = /cannot reach its database.*try again in a moment/i;

describe.skipIf(!serverUp && !inCi)('the desk while its database goes silent', () => {
  let proxy: SilentProxy;
  let direct: Store;
  let store: Store;
  let app: TestApp;

  beforeAll(async () => {
    const database = await createServerDatabase(server.toString());
    direct = database.store;
    proxy = await startSilentProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const behindProxy = new URL(database.url);
    behindProxy.host = `127.0.0.1:${proxy.port}`;
    store = openPostgres(behindProxy.toString());
    app = await startTestApp({}, store);
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await proxy?.close();
    await direct?.close();
  });

  /** The reply's text, or what went wrong: no answer within 15 s is what a person would give up on. */
  const say = async (user: string, text: string) => {
    try {
      const res = await fetch(new URL('/api/local/messages', app.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user, text }),
        signal: AbortSignal.timeout(15_000),
      });
      return ((await res.json()) as { messages: { text: string }[] }).messages.map((m) => m.text).join('\n');
    } catch (err) {
      return `no answer (${(err as Error).message})`;
    }
  };
  const ticketIn = (reply: string) => Number(/\bT-(\d+)\b/.exec(reply)?.[1] ?? Number.NaN);

  it('answers politely instead of hanging, and works again once the network is back', async () => {
    const acknowledged = [ticketIn(await say('ann', 'ticket my laptop will not boot'))];
    expect(acknowledged[0]).toBeGreaterThan(0);

    proxy.silence();
    // Written to a connection the pool already had, then to new ones that get no answer either.
    const during = await Promise.all([say('bea', 'ticket printer jammed'), say('cy', 'ticket monitor flickers')]);
    for (const reply of during) expect(reply).toMatch(politely);
    expect(await say('dan', 'how do I reset my password?')).toMatch(politely);
    expect(app.log.lines).toContainEqual(expect.objectContaining({ msg: 'database unreachable', code: 'ETIMEDOUT' }));

    proxy.speak();
    let reply = '';
    await waitFor(async () => {
      reply = await say('eve', 'ticket the network is back, is the desk?');
      return ticketIn(reply) > 0;
    }, 'the desk to open a ticket again once the network is back');
    acknowledged.push(ticketIn(reply));

    const stored = await direct.db.select({ id: tickets.id }).from(tickets);
    for (const id of acknowledged) expect(stored.map((t) => t.id)).toContain(id);
  });
});
