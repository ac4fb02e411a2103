import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { buttonsOf, startTestApp, type TestApp } from '../support/test-app.ts';

describe('queues people can see (local chat)', () => {
  let app: TestApp;
  beforeAll(async () => {
    // Tier 3's queue is switched off: escalating there must not pretend anyone was told.
    app = await startTestApp({ ADMINS: 'local:ann', QUEUE_TIER3: 'none', LOCAL_EMBEDDINGS: 'false' });
    for (const command of ['staff add @ben tier1', 'staff add @tess tier2', 'staff add @lena lead'])
      await say('ann', command);
  });
  afterAll(() => app.close());

  async function send(user: string, text: string): Promise<Message[]> {
    const res = await app.post('/api/local/messages', { user, text });
    return ((await res.json()) as { messages: Message[] }).messages;
  }
  const say = async (user: string, text: string) => (await send(user, text)).map((m) => m.text).join('\n');
  const inbox = async (query: string) =>
    ((await (await app.get(`/api/local/inbox?${query}`)).json()) as { messages: Message[] }).messages;
  const openTicket = async (user: string, subject: string) =>
    /T-\d+/.exec(await say(user, `ticket ${subject}`))?.[0] ?? 'T-?';

  it('tells whoever escalates that a tier has no queue, with the command that sets one', async () => {
    const ref = await openTicket('alice', 'Storage array degraded');
    const reply = await say('ann', `escalate ${ref} tier3 disk controller fault`);
    expect(reply).toMatch(new RegExp(`${ref} moved to Tier 3`));
    expect(reply).not.toMatch(/waits in that queue/);
    expect(reply).toMatch(/Tier 3 has no queue, so nobody there was told/);
    expect(reply).toContain('queue set tier3 <platform:place>');
    expect(await inbox('place=%23it-tier3')).toEqual([]);
    // Tier 2 has its default local queue: an escalation there is announced, and the reply says so.
    const other = await openTicket('alice', 'Shared drive slow');
    expect(await say('ann', `escalate ${other} tier2 needs the storage team`)).toMatch(/waits in that queue/);
    expect((await inbox('place=%23it-tier2')).map((m) => m.text).join('\n')).toContain(other);
  });

  it('lists the ten most urgent of a long queue, says how many more wait, and a lead sees every tier', async () => {
    const refs: string[] = [];
    for (let i = 1; i <= 12; i++) refs.push(await openTicket('bob', `Badge reader ${i} offline`));
    await say('ann', `priority ${refs[11]} P1`);
    const [listed] = await send('ben', 'queue');
    expect(listed?.text).toMatch(/Tier 1 help desk/);
    const lines = (listed?.text ?? '').split('\n').filter((l) => /^T-\d+/.test(l));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(new RegExp(`^${refs[11]} P1`));
    expect(listed?.text).toMatch(/…and \d+ more/);
    expect(buttonsOf(listed).filter((b) => /^Claim T-\d+$/.test(b.label))).toHaveLength(10);

    const everything = (await say('lena', 'queue')).split('\n');
    for (const tier of ['Tier 1 help desk', 'Tier 2 technical', 'Tier 3 experts', 'External vendor']) {
      expect(everything.some((l) => l.startsWith(tier))).toBe(true);
    }
    expect(await say('tess', 'queue vendor')).toMatch(/External vendor.*nothing waits here/);
  });
});
