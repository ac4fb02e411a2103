import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { failNextInsert } from '../support/fail-once.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const question = 'my payroll login for dr-jane-ortiz keeps failing';

/** A question whose handling fails in the database: what the operator's log keeps of it. */
async function failedQuestion(level: string) {
  const app = await startTestApp({ LOG_LEVEL: level });
  await failNextInsert(app.store, 'interactions');
  const res = await app.post('/api/local/messages', { user: 'alice', text: question, id: 'delivery-42' });
  const reply = ((await res.json()) as { messages: Message[] }).messages[0]?.text ?? '';
  const reference = /reference (\S+?)\.? to/.exec(reply)?.[1];
  return { app, reference };
}

describe('what error log lines keep', () => {
  let app: TestApp | undefined;
  afterEach(() => app?.close());

  it('names the event and the reference, not the question or the query parameters, below debug', async () => {
    const failed = await failedQuestion('info');
    app = failed.app;
    expect(failed.reference).toBeDefined();
    const line = app.log.lines.find((l) => l.msg === 'event failed');
    expect(line).toMatchObject({ level: 'error', reference: failed.reference, event: 'delivery-42' });
    const err = line?.err as { message: string; stack: string; cause?: { message: string } };
    expect(err.message).toMatch(/^Failed query: insert into "interactions"/);
    expect(err.cause?.message).toMatch(/injected: the database hiccupped/);
    expect(JSON.stringify(app.log.lines)).not.toMatch(/payroll|jane|ortiz|params/i);
    // Every line the event wrote carries its delivery id, so one grep finds them all.
    expect(app.log.lines.filter((l) => l.event === 'delivery-42').length).toBeGreaterThanOrEqual(1);
  });

  it('keeps the whole failed query at LOG_LEVEL=debug, for the operator who asks for it', async () => {
    const failed = await failedQuestion('debug');
    app = failed.app;
    const line = app.log.lines.find((l) => l.msg === 'event failed');
    expect(JSON.stringify(line)).toMatch(/params: .*payroll login for dr-jane-ortiz/);
  });
});
