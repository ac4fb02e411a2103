import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { deskJourneys } from '../journeys/desk-journeys.ts';
import { createLocalDriver } from '../support/local-driver.ts';
import { buttonsOf, startTestApp, type TestApp } from '../support/test-app.ts';

deskJourneys('local chat', (options) => createLocalDriver(options));

describe('local chat HTTP API', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const send = async (path: string, body: unknown) => {
    const res = await app.post(path, body);
    return { status: res.status, body: (await res.json()) as { messages?: Message[]; error?: string } };
  };

  it('reports health and serves the chat page', async () => {
    expect(await (await app.get('/healthz')).json()).toEqual({ status: 'ok' });
    const page = await app.get('/');
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('src="/local/page.js"');
    expect(await (await app.get('/local/page.js')).text()).toContain('/api/local/messages');
  });

  it('refuses malformed JSON, missing fields and wrong types with a 400 naming the problem', async () => {
    const bad = await send('/api/local/messages', '{"user": "alice", "text": ');
    expect(bad).toEqual({ status: 400, body: { error: 'request body is not valid JSON' } });
    const missing = await send('/api/local/messages', { user: 'alice' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/text/);
    const noUser = await send('/api/local/actions', { action: 'helpful', value: 'x' });
    expect(noUser.status).toBe(400);
    expect(noUser.body.error).toMatch(/user/);
    const wrongType = await send('/api/local/messages', { user: 'alice', text: 42 });
    expect(wrongType.status).toBe(400);
    const notJson = await fetch(new URL('/api/local/messages', app.url), { method: 'POST', body: 'hello' });
    expect(notJson.status).toBe(415);
  });

  it('answers an empty or over-long question politely, and refuses an oversized body with 413', async () => {
    const empty = await send('/api/local/messages', { user: 'alice', text: '   ' });
    expect(empty.status).toBe(200);
    expect(empty.body.messages?.[0]?.text).toMatch(/type a question/i);
    const long = await send('/api/local/messages', { user: 'alice', text: 'printer '.repeat(12_800) });
    expect(long.status).toBe(200);
    expect(long.body.messages?.[0]?.text).toMatch(/too long/i);
    const huge = await send('/api/local/messages', { user: 'alice', text: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    // Nothing was recorded for any of them: the next question is the person's first interaction.
    const count = await app.store.db.$count((await import('../../src/store/schema.ts')).interactions);
    expect(count).toBe(0);
  });

  it('answers unknown actions and malformed values politely and logs them', async () => {
    const unknown = await send('/api/local/actions', { user: 'alice', action: 'launch_rocket', value: '1' });
    expect(unknown.status).toBe(200);
    expect(unknown.body.messages?.[0]?.text).toMatch(/didn't recognise that button/i);
    const badValue = await send('/api/local/actions', { user: 'alice', action: 'helpful', value: 'not-a-uuid' });
    expect(badValue.body.messages?.[0]?.text).toMatch(/didn't recognise/i);
    const stale = await send('/api/local/actions', {
      user: 'alice',
      action: 'talk_to_human',
      value: '00000000-0000-4000-8000-000000000000',
    });
    expect(stale.body.messages?.[0]?.text).toMatch(/can't find/i);
    expect(app.log.lines.some((l) => l.msg === 'bad input' && /launch_rocket/.test(String(l.problem)))).toBe(true);
  });

  it("does not let one person press another person's buttons", async () => {
    const answer = await send('/api/local/messages', { user: 'alice', text: 'how do I connect to the VPN' });
    const talk = buttonsOf(answer.body.messages?.[0]).find((b) => b.actionId === 'talk_to_human');
    const stolen = await send('/api/local/actions', { user: 'mallory', action: 'talk_to_human', value: talk?.value });
    expect(stolen.body.messages?.[0]?.text).toMatch(/someone else/i);
    expect(allTickets(await send('/api/local/messages', { user: 'mallory', text: 'mine' }))).toEqual([]);
  });

  it('announces a new ticket in the Tier 1 queue inbox, once', async () => {
    await send('/api/local/messages', { user: 'erin', text: 'ticket Monitor flickers after docking' });
    const queue = (await (await app.get('/api/local/inbox?place=%23it-tier1')).json()) as { messages: Message[] };
    expect(queue.messages).toHaveLength(1);
    expect(queue.messages[0]?.text).toMatch(/^T-\d+ from erin: Monitor flickers after docking \(New/);
    expect(buttonsOf(queue.messages[0]).map((b) => b.label)).toEqual(['Claim', 'Assign…', 'Escalate…', 'Resolve…']);
    const again = (await (await app.get('/api/local/inbox?place=%23it-tier1')).json()) as { messages: Message[] };
    expect(again.messages).toEqual([]);
    expect((await app.get('/api/local/inbox')).status).toBe(400);
  });

  it('edits the status message (delivered to the inbox) when "talk to a human" is pressed again', async () => {
    const answer = await send('/api/local/messages', { user: 'gina', text: 'my mailbox is full' });
    const talk = buttonsOf(answer.body.messages?.[0]).find((b) => b.actionId === 'talk_to_human');
    const first = await send('/api/local/actions', { user: 'gina', action: 'talk_to_human', value: talk?.value });
    expect(first.body.messages?.[0]).not.toHaveProperty('remember');
    const ref = /T-\d+/.exec(first.body.messages?.[0]?.text ?? '')?.[0];
    const again = await send('/api/local/actions', { user: 'gina', action: 'talk_to_human', value: talk?.value });
    expect(again.body.messages?.[0]?.text).toMatch(new RegExp(`already have ticket ${ref}`));
    const inbox = (await (await app.get('/api/local/inbox?user=gina')).json()) as { messages: Message[] };
    expect(inbox.messages.map((m) => m.text)).toEqual([expect.stringContaining(`${ref}: my mailbox is full`)]);
  });

  it("shows a ticket's status when its number is typed on its own", async () => {
    const opened = await send('/api/local/messages', { user: 'hugo', text: 'ticket Monitor flickers' });
    const ref = /T-\d+/.exec(opened.body.messages?.[0]?.text ?? '')?.[0] ?? 'T-?';
    const typed = await send('/api/local/messages', { user: 'hugo', text: ref });
    const status = await send('/api/local/messages', { user: 'hugo', text: `status ${ref}` });
    expect(typed.body.messages?.[0]?.text).toContain('Monitor flickers');
    expect(typed.body.messages).toEqual(status.body.messages);
  });

  it('drops control characters from a question instead of failing on them', async () => {
    const reply = await send('/api/local/messages', { user: 'alice', text: 'vpn\u0000 keeps\u0007 dropping' });
    expect(reply.body.messages?.[0]?.text).toContain('Connect to the VPN');
    const nothing = await send('/api/local/messages', { user: 'alice', text: '\u0000' });
    expect(nothing.body.messages?.[0]?.text).not.toMatch(/something went wrong/i);
  });

  it("keeps each sender's delivery ids their own, and refuses an id holding a control character", async () => {
    const alice = await send('/api/local/messages', { user: 'alice', text: 'vpn keeps dropping', id: 'msg-1' });
    expect(alice.body.messages?.length).toBeGreaterThan(0);
    const bob = await send('/api/local/messages', {
      user: 'bob',
      text: 'ticket my badge stopped working',
      id: 'msg-1',
    });
    expect(bob.body.messages?.[0]?.text).toMatch(/T-\d+/);
    for (const id of ['msg\u00002', 'msg\u001b[2J', 'line\nbreak']) {
      const refused = await send('/api/local/messages', { user: 'bob', text: 'vpn keeps dropping', id });
      expect(refused).toEqual({ status: 400, body: { error: expect.stringMatching(/^id: .*control characters/) } });
    }
  });

  it('answers a request line that is no URL with a 400 and keeps serving', async () => {
    const { port } = new URL(app.url);
    const reply = await new Promise<string>((resolve, reject) => {
      let got = '';
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write('GET //[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
      );
      socket.on('data', (chunk) => {
        got += chunk.toString();
      });
      socket.on('close', () => resolve(got));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(await (await app.get('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('gives usage help for a malformed command and the command list for help', async () => {
    const usage = await send('/api/local/messages', { user: 'alice', text: '/status yesterday' });
    expect(usage.body.messages?.[0]?.text).toMatch(/ticket number/i);
    const unknown = await send('/api/local/messages', { user: 'alice', text: '/frobnicate' });
    expect(unknown.body.messages?.[0]?.text).toMatch(/don't know that command/i);
    const help = await send('/api/local/messages', { user: 'alice', text: 'help' });
    for (const command of ['ask', 'ticket', 'status', 'mine']) expect(help.body.messages?.[0]?.text).toContain(command);
    // Asked in words rather than by command, the same list; a plea with no subject gets asked for one.
    const about = await send('/api/local/messages', { user: 'alice', text: 'What can you do?' });
    expect(about.body.messages?.[0]?.text).toBe(help.body.messages?.[0]?.text);
    const vague = await send('/api/local/messages', { user: 'alice', text: 'help me please' });
    expect(vague.body.messages?.[0]?.text).toMatch(/^Sure\. Tell me what's wrong in a sentence/);
  });

  it('answers unknown paths and methods with JSON errors', async () => {
    expect((await app.get('/nope')).status).toBe(404);
    expect((await app.get('/api/local/messages')).status).toBe(405);
    // Neither platform is configured here: their endpoints do not exist.
    expect((await app.post('/api/messages', { type: 'message' })).status).toBe(404);
    expect((await app.post('/slack/events', {})).status).toBe(404);
  });
});

describe('local chat when the desk is unsure', () => {
  // Thresholds that make every match a "maybe", so the clarify path is exercised deterministically.
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ANSWER_MIN_CONFIDENCE: '0.99', CLARIFY_MIN_CONFIDENCE: '0.01' });
  });
  afterAll(() => app.close());

  it('offers the top three as "which of these?" and answers with the picked article', async () => {
    const res = await app.post('/api/local/messages', {
      user: 'frank',
      text: 'locked myself out, need a new password',
    });
    const [message] = ((await res.json()) as { messages: Message[] }).messages;
    expect(message?.text).toMatch(/which of these/i);
    const picks = buttonsOf(message).filter((b) => b.actionId === 'pick_article');
    expect(picks).toHaveLength(3);
    const reset = picks.find((b) => b.label === 'Reset a forgotten password');
    expect(reset).toBeDefined();
    expect(buttonsOf(message).map((b) => b.actionId)).toContain('talk_to_human');

    const chosen = await app.post('/api/local/actions', { user: 'frank', action: 'pick_article', value: reset?.value });
    const [answer] = ((await chosen.json()) as { messages: Message[] }).messages;
    expect(answer?.text).toContain('Reset a forgotten password');
    expect(buttonsOf(answer).map((b) => b.actionId)).toEqual([
      'helpful',
      'not_helpful',
      'talk_to_human',
      'full_article',
    ]);
    expect(buttonsOf(answer).at(-1)).toMatchObject({ label: 'Show the steps', value: 'password-reset' });

    const interaction = reset?.value.split(':')[0];
    const forged = await app.post('/api/local/actions', {
      user: 'frank',
      action: 'pick_article',
      value: `${interaction}:vpn-connect-not-offered`,
    });
    expect(((await forged.json()) as { messages: Message[] }).messages[0]?.text).toMatch(/can't find/i);
  });
});

describe('local chat offering choices at the default clarify threshold', () => {
  // Only the answer threshold is out of reach, so choices are picked as the desk picks them by default.
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ANSWER_MIN_CONFIDENCE: '0.999' });
  });
  afterAll(() => app.close());

  it('leaves out runners-up that only share a stray word with the question', async () => {
    const res = await app.post('/api/local/messages', { user: 'grace', text: 'out of office reply' });
    const [message] = ((await res.json()) as { messages: Message[] }).messages;
    const picks = buttonsOf(message).filter((b) => b.actionId === 'pick_article');
    // Third by score, the phishing article, shares a word with the question and nothing more: not offered.
    expect(picks.map((b) => b.label)).toEqual([
      'Set an out-of-office automatic reply',
      'Offboard a leaver and return equipment',
    ]);
    expect(message?.text).toMatch(/which of these/i);
  });
});

function allTickets(result: { body: { messages?: Message[] } }): string[] {
  return (result.body.messages ?? []).flatMap((m) => m.text.match(/T-\d+/g) ?? []);
}
