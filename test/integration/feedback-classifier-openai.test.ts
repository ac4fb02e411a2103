import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAiConfig } from '../../src/knowledge/openai-client.ts';
import { createMemoryLogger } from '../../src/log.ts';
import { createFeedbackClassifier } from '../../src/surveys/feedback-classifier.ts';
import { defaultFeedbackWords } from '../../src/surveys/read-feedback-words.ts';
import { type OpenAiApiFake, startOpenAiApiFake } from '../fakes/openai-api.ts';

describe('feedback classed by OpenAI, through the real client over HTTP', () => {
  let fake: OpenAiApiFake;
  let config: OpenAiConfig;
  beforeAll(async () => {
    fake = await startOpenAiApiFake();
    // A short time limit so the hanging case falls back quickly.
    config = { apiKey: 'sk-test-0123456789abcdef', baseUrl: fake.baseUrl, model: 'gpt-4o-mini', timeoutMs: 300 };
  });
  afterAll(() => fake.close());

  const classifier = () => {
    const log = createMemoryLogger();
    return { log, classifier: createFeedbackClassifier({ openai: config, words: defaultFeedbackWords(), log }) };
  };
  const classifyOnce = async (comment: string, rating?: number) => {
    const { log, classifier: c } = classifier();
    const before = fake.requests.length;
    const classified = await c.classify(comment, rating);
    return { classified, requests: fake.requests.slice(before), warnings: log.lines.filter((l) => l.level === 'warn') };
  };

  it('uses a good structured answer, asked for with a JSON schema and sent nothing but the comment', async () => {
    fake.behave({ kind: 'answer', reply: () => ({ class: 'concern', sentiment: -0.4 }) });
    const comment = 'Fine for now, though I wonder whether my backups are still running.';
    const { classified, requests, warnings } = await classifyOnce(comment, 4);
    expect(classified).toEqual({ class: 'concern', sentiment: -0.4, by: 'openai' });
    expect(warnings).toEqual([]);
    expect(requests).toHaveLength(1);
    const body = requests[0]?.body;
    expect(body?.response_format?.type).toBe('json_schema');
    expect(body?.response_format?.json_schema?.strict).toBe(true);
    expect(body?.messages?.filter((m) => m.role === 'user')).toEqual([{ role: 'user', content: comment }]);
    expect(body?.messages?.map((m) => m.role)).toEqual(['system', 'user']);
    // Nothing else about the person or the survey leaves the desk: not even the rating.
    expect(Object.keys(body ?? {}).sort()).toEqual(['max_completion_tokens', 'messages', 'model', 'response_format']);
  });

  it('keeps a rating’s floor over the model’s class: a 1 is at least a complaint', async () => {
    fake.behave({ kind: 'answer', reply: () => ({ class: 'appreciation', sentiment: 0.5 }) });
    const { classified } = await classifyOnce('thanks', 1);
    expect(classified).toEqual({ class: 'complaint', sentiment: 0.5, by: 'openai' });
  });

  const fallbacks: [string, Parameters<OpenAiApiFake['behave']>[0], string][] = [
    ['a timeout', { kind: 'hang' }, 'timeout'],
    ['a 500', { kind: 'fail', status: 500 }, 'http_error'],
    ['malformed JSON', { kind: 'answer', reply: () => '{"class": "complaint", ' }, 'not_json'],
    ['a class that does not exist', { kind: 'answer', reply: () => ({ class: 'rage', sentiment: -1 }) }, 'wrong_shape'],
    [
      'a sentiment out of range',
      { kind: 'answer', reply: () => ({ class: 'complaint', sentiment: -7 }) },
      'wrong_shape',
    ],
  ];

  it.each(fallbacks)('falls back to the word lists on %s, with exactly one warning', async (_, behaviour, reason) => {
    fake.behave(behaviour);
    const comment = 'Not happy: nobody replied for a week.';
    const { classified, requests, warnings } = await classifyOnce(comment);
    expect(classified).toMatchObject({ class: 'complaint', by: 'rules' });
    expect(requests).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ reason, model: 'gpt-4o-mini' })]);
    expect(JSON.stringify(warnings)).not.toContain('nobody replied');
  });

  it('asks nothing for an empty comment, and classes by the rules without OpenAI configured', async () => {
    fake.behave({ kind: 'fail', status: 500 });
    const { classified, requests, warnings } = await classifyOnce('   ', 5);
    expect(classified).toEqual({ class: 'appreciation', sentiment: 0.67, by: 'rules' });
    expect(requests).toEqual([]);
    expect(warnings).toEqual([]);
    const log = createMemoryLogger();
    const plain = createFeedbackClassifier({ words: defaultFeedbackWords(), log });
    const before = fake.requests.length;
    expect(await plain.classify('This is unacceptable!')).toMatchObject({ class: 'escalation', by: 'rules' });
    expect(fake.requests.length).toBe(before);
    expect(log.lines).toEqual([]);
  });
});
