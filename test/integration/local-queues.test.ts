import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalMessage } from '../../adapters/local/local-outbox.ts';
import { buttonsOf, startTestApp, type TestApp } from '../support/test-app.ts';

type Queue = { tier: string; name: string; place: string; messages: LocalMessage[] };

describe('queue cards in the local chat', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ADMINS: 'local:ann' });
  });
  afterAll(() => app.close());

  const say = async (user: string, text: string) => {
    const res = await app.post('/api/local/messages', { user, text });
    expect(res.status).toBe(200);
    return ((await res.json()) as { messages: LocalMessage[] }).messages;
  };
  const inbox = async (query: string) =>
    ((await (await app.get(`/api/local/inbox?${query}`)).json()) as { messages: LocalMessage[] }).messages;
  const queues = async (user: string) => {
    const res = await app.get(`/api/local/queues?user=${user}`);
    return { status: res.status, body: (await res.json()) as { queues?: Queue[]; error?: string } };
  };

  it('edits a queue card in place: changed several times, it waits in the queue inbox once, as it now stands', async () => {
    const opened = await say('erin', 'ticket Docking station not detected');
    const ref = /T-\d+/.exec(opened[0]?.text ?? '')?.[0] ?? 'T-?';
    await say('ann', `claim ${ref}`);
    await say('ann', `priority ${ref} P2`);
    await say('ann', `note ${ref} checked the cable`);
    const cards = (await inbox('place=%23it-tier1')).filter((m) => m.text.includes(ref));
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0])).toMatch(/P2/);
    expect(cards[0]?.id).toEqual(expect.any(String));
    expect(cards[0]).not.toHaveProperty('replaces');

    // Taken already: the next edits arrive as one message replacing that card.
    await say('ann', `priority ${ref} P1`);
    await say('ann', `priority ${ref} P3`);
    const edits = (await inbox('place=%23it-tier1')).filter((m) => m.text.includes(ref));
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ id: cards[0]?.id, replaces: cards[0]?.id });
    expect(JSON.stringify(edits[0])).toMatch(/P3/);
    await say('ann', `escalate ${ref} tier2 needs a new dock`);
    await say('ann', `priority ${ref} P1`);
    expect((await inbox('place=%23it-tier2')).filter((m) => m.text.includes(ref))).toHaveLength(1);
  });

  it("gives the help desk each local queue's cards as they stand, without taking them from the inbox", async () => {
    const opened = await say('fay', 'ticket Printer jams on tray 2');
    const ref = /T-\d+/.exec(opened[0]?.text ?? '')?.[0] ?? 'T-?';
    await say('ann', `claim ${ref}`);
    const first = await queues('ann');
    expect(first.status).toBe(200);
    expect(first.body.queues?.map((q) => [q.tier, q.place])).toEqual([
      ['tier1', '#it-tier1'],
      ['tier2', '#it-tier2'],
      ['tier3', '#it-tier3'],
      ['vendor', '#it-vendor'],
    ]);
    const tier1 = first.body.queues?.[0];
    expect(tier1?.name).toBe('Tier 1 help desk');
    const card = tier1?.messages.find((m) => m.text.includes(ref));
    expect(card?.text).toMatch(/ann/i);
    expect(tier1?.messages.filter((m) => m.text.includes(ref))).toHaveLength(1);
    expect((await queues('ann')).body).toEqual(first.body);
    // The inbox still hands the card out, once, to whoever reads it.
    expect((await inbox('place=%23it-tier1')).filter((m) => m.text.includes(ref))).toHaveLength(1);

    // A button on a card in the view works for the viewing help-desk member.
    const resolve = buttonsOf(card).find((b) => b.label.startsWith('Resolve'));
    expect(resolve).toBeDefined();
  });

  it('refuses the queues to someone not on the help desk, with a sentence', async () => {
    await say('erin', 'hello');
    for (const user of ['erin', 'nobody']) {
      const refused = await queues(user);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatch(/^The Queues view is for the help desk\./);
    }
    expect((await app.get('/api/local/queues')).status).toBe(400);
  });

  it('serves the page with its scripts, each of whose imports is served too, and a Queues view', async () => {
    const page = await (await app.get('/')).text();
    expect(page).toContain('<script type="module" src="/local/page.js"></script>');
    expect(page).toMatch(/<button[^>]*id="tab-queues"[^>]*hidden>Queues<\/button>/);
    const scripts = ['/local/page.js'];
    for (const path of scripts) {
      const res = await app.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      for (const [, name] of (await res.text()).matchAll(/from '\.\/([\w-]+\.js)'/g)) {
        if (!scripts.includes(`/local/${name}`)) scripts.push(`/local/${name}`);
      }
    }
    expect(scripts.sort()).toEqual(['/local/page-model.js', '/local/page-render.js', '/local/page.js']);
    expect(await (await app.get('/local/page.js')).text()).toContain('/api/local/queues?user=');
  });

  it('answers a message too large to send with a sentence, not a byte count', async () => {
    const res = await app.post('/api/local/messages', { user: 'erin', text: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'That message is too long to send — please shorten it.' });
  });

  it('gives a reply the desk edits later an id, and the edit replaces it', async () => {
    const answer = await say('gina', 'my mailbox is full');
    const talk = buttonsOf(answer[0]).find((b) => b.actionId === 'talk_to_human');
    const res = await app.post('/api/local/actions', { user: 'gina', action: 'talk_to_human', value: talk?.value });
    const [status] = ((await res.json()) as { messages: LocalMessage[] }).messages;
    expect(status?.id).toEqual(expect.stringMatching(/^@gina\//));
    const ref = /T-\d+/.exec(status?.text ?? '')?.[0] ?? 'T-?';
    await say('ann', `claim ${ref}`);
    const updates = (await inbox('user=gina')).filter((m) => m.replaces === status?.id);
    expect(updates.length).toBeGreaterThan(0);
  });
});
