import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Button, Message } from '../../src/messages/message.ts';
import { learnedPhrasings } from '../../src/store/schema.ts';
import { type OpenAiApiFake, sentPayload, startOpenAiApiFake } from '../fakes/openai-api.ts';
import { buttonsOf, startTestApp, type TestApp } from '../support/test-app.ts';

const apiKey = 'sk-test-0123456789abcdef';
const articleAnswer = /\(article: password-reset\) Did this help\?/;

describe('answers composed by OpenAI', () => {
  let fake: OpenAiApiFake;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startOpenAiApiFake();
    // A short time limit so the hanging case falls back quickly; the default is 8 s.
    app = await startTestApp({ OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: fake.baseUrl, OPENAI_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  const post = async (path: string, body: unknown) => {
    const res = await app.post(path, body);
    expect(res.status).toBe(200);
    return ((await res.json()) as { messages: Message[] }).messages;
  };
  const ask = async (user: string, text: string) => {
    const before = fake.requests.length;
    const [reply] = await post('/api/local/messages', { user, text });
    return { reply, requests: fake.requests.slice(before) };
  };
  const press = async (user: string, button: Button | undefined) => {
    expect(button).toBeDefined();
    const [reply] = await post('/api/local/actions', { user, action: button?.actionId, value: button?.value });
    return reply;
  };
  const warnings = () => app.log.lines.filter((l) => l.level === 'warn');

  it('answers in the model’s words, citing only articles it was sent, with "did this help?" for the cited one', async () => {
    fake.behave({
      kind: 'answer',
      reply: (request) => {
        const [, second] = sentPayload(request).articles ?? [];
        return {
          answer: 'Add your **work account** in the mail app, then approve the MFA prompt.',
          cited_article_ids: [second?.id, 'made-up-article'],
          escalate: false,
        };
      },
    });
    const { reply, requests } = await ask('ravi', 'how do I set up email on my phone?');
    expect(requests).toHaveLength(1);
    const sent = sentPayload(requests[0]).articles ?? [];
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.length).toBeLessThanOrEqual(3);
    const cited = sent[1];
    expect(reply?.text).toContain('Add your work account in the mail app');
    expect(reply?.text).toContain(`${cited?.title} (article: ${cited?.id})`);
    expect(reply?.text).not.toContain('made-up-article');
    expect(reply?.blocks).toContainEqual({ kind: 'text', text: expect.stringContaining('**work account**') });
    expect(reply?.blocks).toContainEqual({ kind: 'context', text: expect.stringContaining(`\`${cited?.id}\``) });
    expect(buttonsOf(reply).map((b) => b.actionId)).toEqual([
      'helpful',
      'not_helpful',
      'talk_to_human',
      'full_article',
    ]);
    // The whole of the article the answer rests on, for the person to check.
    expect(buttonsOf(reply).at(-1)?.value).toBe(cited?.id);

    // Structured output was asked for, with the shape the desk validates.
    expect(requests[0]?.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { strict: true, schema: { required: ['answer', 'cited_article_ids', 'escalate'] } },
    });
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);

    // 👍 teaches the article the answer rested on, not the one search ranked first.
    expect(
      (
        await press(
          'ravi',
          buttonsOf(reply).find((b) => b.actionId === 'helpful'),
        )
      )?.text,
    ).toMatch(/glad/);
    const learned = await app.store.db
      .select({ articleId: learnedPhrasings.articleId })
      .from(learnedPhrasings)
      .where(eq(learnedPhrasings.phrasing, 'how do I set up email on my phone?'));
    expect(learned).toEqual([{ articleId: cited?.id }]);
  });

  it('sends the question and the articles’ text, and nothing about who asked or where', async () => {
    fake.behave({
      kind: 'answer',
      reply: (request) => ({
        answer: 'Connect with the VPN client.',
        cited_article_ids: [sentPayload(request).articles?.[0]?.id],
        escalate: false,
      }),
    });
    const { requests } = await ask('margaret.oduya', 'how do I connect to the vpn?');
    const [request] = requests;
    const payload = sentPayload(request);
    expect(payload.question).toBe('how do I connect to the vpn?');
    expect(payload.articles?.[0]).toMatchObject({ id: 'vpn-connect', title: expect.any(String) });
    expect(payload.articles?.[0]?.body).toContain(app.kb.get('vpn-connect')?.body.slice(0, 200));
    expect(Object.keys(payload.articles?.[0] ?? {}).sort()).toEqual(['body', 'id', 'title']);
    expect(request?.raw.toLowerCase()).not.toContain('margaret');
    expect(request?.raw).not.toContain('oduya');
    expect(request?.raw).not.toMatch(/local:|"user":|@margaret/);
  });

  it('falls back to the article answer when the model hangs past the time limit, and logs one warning', async () => {
    fake.behave({ kind: 'hang' });
    const before = warnings().length;
    const { reply, requests } = await ask('hana', 'how do I reset my password?');
    expect(reply?.text).toMatch(articleAnswer);
    expect(buttonsOf(reply).map((b) => b.actionId)).toEqual([
      'helpful',
      'not_helpful',
      'talk_to_human',
      'full_article',
    ]);
    expect(requests).toHaveLength(1);
    expect(warnings().slice(before)).toEqual([
      expect.objectContaining({ msg: 'answer synthesis failed, answering with the article', reason: 'timeout' }),
    ]);
  });

  it('falls back to the article answer on a server error, without retrying', async () => {
    fake.behave({ kind: 'fail', status: 500 });
    const before = warnings().length;
    const { reply, requests } = await ask('ingrid', 'how do I reset my password?');
    expect(reply?.text).toMatch(articleAnswer);
    expect(requests).toHaveLength(1);
    expect(warnings().slice(before)).toEqual([expect.objectContaining({ reason: 'http_error', status: 500 })]);
    expect(JSON.stringify(app.log.lines)).not.toContain(apiKey);
  });

  it('falls back to the article answer when the output is not the agreed shape or cites nothing it was sent', async () => {
    const replies = [
      () => 'Sure! Here is your answer: reset it.',
      () => ({ answer: 'Reset it.', cited_article_ids: ['password-reset'] }),
      () => ({ answer: 'Reset it.', cited_article_ids: ['somewhere-else'], escalate: false }),
    ];
    for (const [i, reply] of replies.entries()) {
      fake.behave({ kind: 'answer', reply });
      const answered = await ask(`olu${i}`, 'how do I reset my password?');
      expect(answered.reply?.text).toMatch(articleAnswer);
    }
    expect(
      warnings()
        .slice(-3)
        .map((w) => w.reason),
    ).toEqual(['not_json', 'wrong_shape', 'no_valid_citation']);
  });

  it('offers a person when the model says the articles do not settle it, and that opens a ticket', async () => {
    fake.behave({
      kind: 'answer',
      reply: () => ({ answer: 'This needs the help desk.', cited_article_ids: [], escalate: true }),
    });
    const { reply } = await ask('tomas', 'how do I reset my password?');
    expect(reply?.text).not.toMatch(articleAnswer);
    expect(buttonsOf(reply).map((b) => b.actionId)).toEqual(['talk_to_human']);
    const opened = await press('tomas', buttonsOf(reply)[0]);
    expect(opened?.text).toMatch(/T-\d+/);
  });
});

describe('answers when the OpenAI API cannot be reached', () => {
  it('are the articles themselves, with one warning', async () => {
    const gone = await startOpenAiApiFake();
    await gone.close(); // nothing listens there any more: the connection is refused
    const app = await startTestApp({ OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: gone.baseUrl, OPENAI_TIMEOUT_MS: '300' });
    try {
      const res = await app.post('/api/local/messages', { user: 'alice', text: 'how do I reset my password?' });
      const [reply] = ((await res.json()) as { messages: Message[] }).messages;
      expect(reply?.text).toMatch(articleAnswer);
      expect(app.log.lines.filter((l) => String(l.msg).includes('synthesis'))).toEqual([
        expect.objectContaining({ level: 'warn', reason: 'network' }),
      ]);
    } finally {
      await app.close();
    }
  });
});

describe('answers without an OpenAI key', () => {
  it('are the articles themselves, and nothing is sent anywhere', async () => {
    const fake = await startOpenAiApiFake();
    fake.behave({
      kind: 'answer',
      reply: () => ({ answer: 'x', cited_article_ids: ['password-reset'], escalate: false }),
    });
    const app = await startTestApp();
    try {
      const res = await app.post('/api/local/messages', { user: 'alice', text: 'how do I reset my password?' });
      const [reply] = ((await res.json()) as { messages: Message[] }).messages;
      expect(reply?.text).toMatch(articleAnswer);
      expect(app.log.lines.filter((l) => String(l.msg).includes('synthesis'))).toEqual([]);
      expect(app.log.lines).toContainEqual(
        expect.objectContaining({ msg: 'adapters on', answers: 'articles', ranking: 'words' }),
      );
    } finally {
      await app.close();
      await fake.close();
    }
    expect(fake.requests).toEqual([]);
  });
});
