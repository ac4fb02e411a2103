import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { shippedKnowledge, startTestApp, type TestApp } from '../support/test-app.ts';

/** Alice asks; the text of the desk's first reply. */
async function firstReply(app: TestApp, text: string): Promise<string> {
  const res = await app.post('/api/local/messages', { user: 'alice', text });
  return ((await res.json()) as { messages: Message[] }).messages[0]?.text ?? '';
}

it('picks up a new article saved while the desk runs, and survives a broken one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tierdesk-kb-'));
  await cp(shippedKnowledge, dir, { recursive: true });
  const app = await startTestApp({ KNOWLEDGE_DIR: dir, KNOWLEDGE_WATCH: 'true' });
  const ask = (text: string) => firstReply(app, text);
  try {
    const question = 'how do I book the boardroom projector';
    expect(await ask(question)).not.toMatch(/Book the boardroom projector/);
    await writeFile(
      join(dir, 'boardroom-projector.md'),
      '---\ntitle: Book the boardroom projector\nquestions:\n  - reserve the projector\n---\n\nBook it in the room calendar.\n',
    );
    await writeFile(join(dir, 'broken.md'), '---\ntitle: [oops\n---\nbody');
    const until = Date.now() + 10_000;
    while (app.kb.size !== 37 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(app.kb.size).toBe(37);
    expect(await ask(question)).toMatch(/Book the boardroom projector/);
    expect(app.log.lines).toContainEqual(
      expect.objectContaining({ msg: 'knowledge article skipped', file: join(dir, 'broken.md') }),
    );
  } finally {
    await app.close();
  }
});

it('reads the admin\u2019s synonym list with the articles, and rereads it when it is edited', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tierdesk-kb-'));
  await cp(shippedKnowledge, dir, { recursive: true });
  await writeFile(join(dir, 'synonyms.txt'), 'password, pw\n');
  const app = await startTestApp({ KNOWLEDGE_DIR: dir, KNOWLEDGE_WATCH: 'true' });
  const ask = (text: string) => firstReply(app, text);
  try {
    // The company calls its authenticator "Sentinel": nothing in the articles says so until an admin does.
    const question = 'my sentinel app';
    expect(await ask(question)).not.toMatch(/Set up MFA/);
    await writeFile(join(dir, 'synonyms.txt'), 'password, pw\nauthenticator, sentinel\nnot a group\n');
    const until = Date.now() + 10_000;
    let reply = await ask(question);
    while (!/Set up MFA/.test(reply) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      reply = await ask(question);
    }
    expect(reply).toMatch(/Set up MFA/);
    expect(app.log.lines).toContainEqual(
      expect.objectContaining({ msg: 'synonym line skipped', problem: expect.stringMatching(/^line 3:/) }),
    );
  } finally {
    await app.close();
  }
});
