import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries, interactions, people, ticketEvents, tickets } from '../../src/store/schema.ts';
import { fuzzedBodies } from '../support/fuzzed-bodies.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The quick version of `npm run bench:faults -- hostile-bodies`: a few hundred seeded malformed and odd
 * bodies to the local chat API (the scenario sends thousands to the real process, counting every table).
 */
describe('the local chat API under fuzzed bodies', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const rows = async () =>
    Promise.all([people, interactions, tickets, ticketEvents, deliveries].map((t) => app.store.db.$count(t)));
  const send = async (bodies: ReturnType<typeof fuzzedBodies>) => {
    const statuses: string[] = [];
    for (const b of bodies) {
      const res = await fetch(new URL(b.path, app.url), {
        method: 'POST',
        headers: b.contentType ? { 'content-type': b.contentType } : {},
        body: b.body,
      });
      await res.arrayBuffer();
      statuses.push(`${res.status} ${b.kind}`);
    }
    return statuses;
  };

  const bodies = fuzzedBodies(7, 300);

  it('refuses every malformed body with a 4xx and writes nothing for it', async () => {
    const before = await rows();
    const statuses = await send(bodies.filter((b) => b.expect === 'refuse'));
    expect(statuses.filter((s) => !/^4\d\d /.test(s))).toEqual([]);
    expect(await rows()).toEqual(before);
  });

  it('answers odd but well-formed bodies without a 5xx, and still answers afterwards', async () => {
    const statuses = await send(bodies.filter((b) => b.expect === 'odd'));
    expect(statuses.filter((s) => /^5\d\d /.test(s))).toEqual([]);
    expect(await (await app.get('/healthz')).json()).toEqual({ status: 'ok' });
  });
});
