import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { tickets } from '../../src/store/schema.ts';
import { buttonsOf, startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The quick version of `npm run bench:faults -- retry-storm` (which storms every platform of the real
 * process): the same delivery arriving many times at once, not one after another as in the journeys.
 */
describe('the same delivery many times at once', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const at = async (path: string, body: unknown, times: number) =>
    Promise.all(
      Array.from({ length: times }, async () => {
        const res = await app.post(path, body);
        expect(res.status).toBe(200);
        return ((await res.json()) as { messages: Message[] }).messages;
      }),
    );

  it('opens one ticket and replies once for a `ticket` command sent ten times at once under one id', async () => {
    const before = await app.store.db.$count(tickets);
    const answers = await at('/api/local/messages', { user: 'rita', text: 'ticket badge reader dead', id: 'r-1' }, 10);
    expect(answers.filter((m) => m.length > 0)).toHaveLength(1);
    expect(await app.store.db.$count(tickets)).toBe(before + 1);
  });

  it('opens one ticket for "Talk to a human" pressed ten times at once', async () => {
    const [answer] = await at('/api/local/messages', { user: 'sam', text: 'my vpn keeps disconnecting' }, 1);
    const talk = buttonsOf(answer?.[0]).find((b) => b.actionId === 'talk_to_human');
    const before = await app.store.db.$count(tickets);
    const presses = await at('/api/local/actions', { user: 'sam', action: 'talk_to_human', value: talk?.value }, 10);
    const refs = new Set(presses.flatMap((m) => m.flatMap((x) => x.text.match(/T-\d+/g) ?? [])));
    expect(refs.size).toBe(1);
    expect(await app.store.db.$count(tickets)).toBe(before + 1);
  });
});
