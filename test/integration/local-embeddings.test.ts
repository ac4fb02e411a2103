import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localModelName } from '../../src/knowledge/embeddings/local-embedder.ts';
import { copy } from '../../src/messages/copy.ts';
import type { Message } from '../../src/messages/message.ts';
import { articleEmbeddings } from '../../src/store/schema.ts';
import { readyWithinMs } from '../support/desk-process.ts';
import { offersChoices, shippedKnowledge, startTestApp, type TestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

/** A few shipped articles: enough to choose between, few enough to embed in a couple of seconds. */
const articleFiles = [
  'expenses-submit.md',
  'lost-stolen-device.md',
  'vpn-connect.md',
  'password-reset.md',
  'printer-setup.md',
  'out-of-office-reply.md',
  'laptop-request.md',
];

/** Says what it wants in words no article uses: "claim back", "taxi" (the article says expenses, receipts). */
const taxiQuestion = 'how do I claim back money for a taxi';

async function knowledgeDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tierdesk-local-kb-'));
  for (const file of [...articleFiles, 'synonyms.txt']) await cp(join(shippedKnowledge, file), join(dir, file));
  return dir;
}

async function ask(app: TestApp, text: string): Promise<Message | undefined> {
  const res = await app.post('/api/local/messages', { user: 'alice', text });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: Message[] }).messages[0];
}

async function embeddingsSettled(app: TestApp) {
  const lines = () => app.log.lines.filter((l) => l.msg === 'article embeddings updated');
  const until = Date.now() + readyWithinMs;
  while (lines().length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return lines()[0];
}

describe('ranking by meaning with the bundled model', () => {
  let dir: string;
  let withMeaning: TestApp;
  let wordsOnly: TestApp;
  const store = createTestStore();

  beforeAll(async () => {
    dir = await knowledgeDir();
    withMeaning = await startTestApp({ KNOWLEDGE_DIR: dir, LOCAL_EMBEDDINGS: 'true' }, await store);
    wordsOnly = await startTestApp({ KNOWLEDGE_DIR: dir });
  });
  afterAll(async () => {
    await withMeaning?.close();
    await wordsOnly?.close();
    await (await store).close();
  });

  it('embeds every article once in the background, stores the vectors, and says so at start-up', async () => {
    const settled = await embeddingsSettled(withMeaning);
    // Named first, so a failure says why the articles were not embedded.
    expect(settled?.reason).toBeUndefined();
    expect(settled).toMatchObject({
      embedded: articleFiles.length,
      failed: 0,
      model: localModelName,
    });
    expect(withMeaning.log.lines).toContainEqual(
      expect.objectContaining({ msg: 'adapters on', ranking: `words and meaning (local: ${localModelName})` }),
    );
    const rows = await (await store).db
      .select()
      .from(articleEmbeddings)
      .where(eq(articleEmbeddings.model, localModelName));
    expect(rows).toHaveLength(articleFiles.length);
    expect(rows.every((r) => r.vector.length === 512)).toBe(true);
  });

  it('answers a question that says what it means in other words, where words alone can only offer choices', async () => {
    await embeddingsSettled(withMeaning);
    const plain = await ask(wordsOnly, taxiQuestion);
    // Words alone can only offer it ("Which of these?", or "Is this it?" when it is the one worth offering).
    expect(offersChoices(plain)).toBe(true);

    const answered = await ask(withMeaning, taxiQuestion);
    expect(offersChoices(answered)).toBe(false);
    expect(answered?.text).toContain('Submit expenses and receipts');
  });

  it('still declines what no article covers', async () => {
    await embeddingsSettled(withMeaning);
    expect((await ask(withMeaning, "what's the weather like tomorrow"))?.text).toBe(copy.declined);
  });

  it('uses the stored vectors after a restart instead of embedding again', async () => {
    await embeddingsSettled(withMeaning);
    const again = await startTestApp({ KNOWLEDGE_DIR: dir, LOCAL_EMBEDDINGS: 'true' }, await store);
    try {
      expect((await ask(again, taxiQuestion))?.text).toContain('Submit expenses and receipts');
      expect(again.log.lines.filter((l) => l.msg === 'article embeddings updated')).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
