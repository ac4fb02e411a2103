import { appendFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/knowledge/articles/load-articles.ts';
import { createMemoryLogger } from '../../src/log.ts';
import { copy } from '../../src/messages/copy.ts';
import type { Message } from '../../src/messages/message.ts';
import { articleEmbeddings } from '../../src/store/schema.ts';
import { embeddedTexts, type OpenAiApiFake, startOpenAiApiFake } from '../fakes/openai-api.ts';
import { buttonsOf, offersChoices, shippedKnowledge, startTestApp, type TestApp } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

const model = 'text-embedding-3-small';
/** Shares no word with any article: only meaning can find an article for them. */
const vpnQuestion = 'zorvex quillan tunnelish';
const printerQuestion = 'blarnic ink spewer';

/**
 * The fake's idea of meaning: each question points the way of one article (found by its title, which starts
 * the embedded text), everything else another way.
 */
function meaning(titles: { vpn: string; printer: string }) {
  return (input: string): number[] => {
    if (input === vpnQuestion || input.startsWith(titles.vpn)) return [1, 0, 0];
    if (input === printerQuestion || input.startsWith(titles.printer)) return [0, 1, 0];
    return [0, 0, 1];
  };
}

// Meaning alone is never confident (confidence.ts): about 0.2, so these apps offer choices from 0.15 on.
const offerChoices = { CLARIFY_MIN_CONFIDENCE: '0.15' };

async function ask(app: TestApp, text: string, user = 'alice'): Promise<Message | undefined> {
  const res = await app.post('/api/local/messages', { user, text });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: Message[] }).messages[0];
}

const offered = (reply: Message | undefined) =>
  buttonsOf(reply)
    .filter((b) => b.actionId === 'pick_article')
    .map((b) => b.value.split(':')[1]);

async function embeddingsSettled(app: TestApp, count = 1) {
  const lines = () => app.log.lines.filter((l) => l.msg === 'article embeddings updated');
  const until = Date.now() + 10_000;
  while (lines().length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  expect(lines()).toHaveLength(count);
  return lines().at(-1);
}

describe('ranking by meaning with OpenAI embeddings', () => {
  let fake: OpenAiApiFake;
  let titles: { vpn: string; printer: string };
  let withEmbeddings: TestApp;
  let wordsOnly: TestApp;
  const openai = () => ({ OPENAI_API_KEY: 'sk-test-embeddings', OPENAI_BASE_URL: fake.baseUrl, ...offerChoices });

  beforeAll(async () => {
    fake = await startOpenAiApiFake();
    const articles = await loadArticles(shippedKnowledge, createMemoryLogger());
    const title = (id: string) => articles.find((a) => a.id === id)?.title ?? id;
    titles = { vpn: title('vpn-connect'), printer: title('printer-setup') };
    fake.embedWith({ kind: 'vectors', vector: meaning(titles) });
    // Composed answers come from the same fake: the first article sent, in its own words.
    fake.behave({
      kind: 'answer',
      reply: (request) => {
        const user = request.body.messages?.find((m) => m.role === 'user')?.content ?? '{}';
        const first = (JSON.parse(user) as { articles: { id: string }[] }).articles[0]?.id;
        return { answer: `See ${first}.`, cited_article_ids: [first], escalate: false };
      },
    });
    wordsOnly = await startTestApp(openai());
    withEmbeddings = await startTestApp({
      ...openai(),
      OPENAI_EMBEDDING_MODEL: model,
      OPENAI_TIMEOUT_MS: '300',
    });
    await embeddingsSettled(withEmbeddings);
  });
  afterAll(async () => {
    await withEmbeddings?.close();
    await wordsOnly?.close();
    await fake.close();
  });

  it('offers an article that shares no word with the question when the vectors say they mean the same', async () => {
    const before = fake.requests.length;
    const reply = await ask(withEmbeddings, vpnQuestion, 'margaret.oduya');
    expect(offersChoices(reply)).toBe(true);
    expect(offered(reply)[0]).toBe('vpn-connect');
    expect(offered(await ask(withEmbeddings, printerQuestion))[0]).toBe('printer-setup');

    // Only the question is sent, nothing about who asked.
    const sent = fake.requests.slice(before).filter((r) => r.path === '/v1/embeddings');
    expect(embeddedTexts(sent.slice(0, 1))).toEqual([vpnQuestion]);
    expect(sent[0]?.body.model).toBe(model);
    expect(sent[0]?.raw).not.toMatch(/margaret|oduya|local:/);

    expect(withEmbeddings.log.lines).toContainEqual(
      expect.objectContaining({ msg: 'adapters on', ranking: `words and meaning (openai: ${model})` }),
    );

    // Without embeddings the same question finds nothing.
    const plain = await ask(wordsOnly, vpnQuestion);
    expect(plain?.text).toBe(copy.declined);
    expect(offered(plain)).toEqual([]);
  });

  it('answers by words alone, with one warning, when the embeddings endpoint fails or hangs', async () => {
    const question = 'how do I reset my password?';
    const expected = (await ask(wordsOnly, question))?.text;
    expect(expected).toContain('password-reset');
    const warnings = () => withEmbeddings.log.lines.filter((l) => l.level === 'warn');
    try {
      for (const [behaviour, reason] of [
        [{ kind: 'fail', status: 500 }, 'http_error 500'],
        [{ kind: 'hang' }, 'timeout'],
      ] as const) {
        fake.embedWith(behaviour);
        const before = warnings().length;
        expect((await ask(withEmbeddings, question))?.text).toBe(expected);
        expect(warnings().slice(before)).toEqual([
          expect.objectContaining({ msg: 'question embedding failed, ranking by words alone', reason, model }),
        ]);
      }
    } finally {
      fake.embedWith({ kind: 'vectors', vector: meaning(titles) });
    }
  });

  it('never calls the embeddings endpoint without OPENAI_EMBEDDING_MODEL', async () => {
    const before = fake.requests.length;
    const app = await startTestApp(openai());
    try {
      await ask(app, vpnQuestion);
      await ask(app, 'how do I connect to the vpn?');
      const paths = fake.requests.slice(before).map((r) => r.path);
      expect(paths).toContain('/v1/chat/completions');
      expect(paths).not.toContain('/v1/embeddings');
    } finally {
      await app.close();
    }
  });

  it('embeds each article version once: nothing again after a restart, an edited article once more', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierdesk-kb-'));
    await cp(shippedKnowledge, dir, { recursive: true });
    const store = await createTestStore();
    const env = { ...openai(), OPENAI_EMBEDDING_MODEL: model, KNOWLEDGE_DIR: dir };
    try {
      let start = fake.requests.length;
      const first = await startTestApp(env, store);
      try {
        expect(await embeddingsSettled(first)).toMatchObject({ embedded: first.kb.size, failed: 0, model });
        const batches = fake.requests.slice(start).filter((r) => r.path === '/v1/embeddings');
        expect(batches).toHaveLength(1); // 36 articles fit in one request of 64
        expect(embeddedTexts(batches)).toHaveLength(first.kb.size);
      } finally {
        await first.close();
      }

      start = fake.requests.length;
      const second = await startTestApp({ ...env, KNOWLEDGE_WATCH: 'true' }, store);
      try {
        // The cached vectors are in use straight away, and only the question was embedded.
        expect(offered(await ask(second, vpnQuestion))[0]).toBe('vpn-connect');
        expect(embeddedTexts(fake.requests.slice(start))).toEqual([vpnQuestion]);

        start = fake.requests.length;
        await appendFile(join(dir, 'vpn-connect.md'), '\nStill stuck? Restart the VPN client.\n');
        expect(await embeddingsSettled(second)).toMatchObject({ embedded: 1, failed: 0 });
        const [edited, ...others] = embeddedTexts(fake.requests.slice(start));
        expect(others).toEqual([]);
        expect(edited).toContain('Restart the VPN client.');

        // The rebuilt knowledge base has the new vector and every cached one.
        expect(offered(await ask(second, vpnQuestion))[0]).toBe('vpn-connect');
        expect(offered(await ask(second, printerQuestion))[0]).toBe('printer-setup');
        const versions = await store.db
          .select({ hash: articleEmbeddings.contentHash })
          .from(articleEmbeddings)
          .where(eq(articleEmbeddings.articleId, 'vpn-connect'));
        expect(versions).toHaveLength(2);
      } finally {
        await second.close();
      }
    } finally {
      await store.close();
    }
  });
});
