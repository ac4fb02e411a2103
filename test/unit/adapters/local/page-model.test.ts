import { describe, expect, it } from 'vitest';
import { defaultLocalUser } from '../../../../adapters/local/inbound.ts';
import { maxBodyBytes } from '../../../../adapters/local/index.ts';
import {
  defaultUser,
  labelParts,
  pageCopy,
  maxBodyBytes as pageMaxBodyBytes,
  placeFor,
  press,
  requestJson,
  sendTyped,
} from '../../../../adapters/local/page-model.js';
import { localChatCopy } from '../../../../src/messages/local-chat-copy.ts';

type Result = { ok: true; data: { messages?: { settles?: boolean }[] } } | { ok: false; error: string };
const failed: Result = { ok: false, error: 'nope' };
const answered = (settles?: boolean): Result => ({
  ok: true,
  data: { messages: [{ ...(settles ? { settles } : {}) }] },
});
const reply = (status: number, body: unknown) => async () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('the web page', () => {
  it('agrees with the desk on the default user, the body limit and its sentences', () => {
    expect(defaultUser).toBe(defaultLocalUser);
    expect(pageMaxBodyBytes).toBe(maxBodyBytes);
    expect(pageCopy.offline).toBe(localChatCopy.offline);
    expect(pageCopy.tooLong).toBe(localChatCopy.tooLong);
  });

  it('gives the buttons back after a failed press, and after a reply that did not settle the question', async () => {
    const buttons = [{ disabled: false }, { disabled: false }];
    let during: boolean[] = [];
    await press(buttons, async () => {
      during = buttons.map((b) => b.disabled);
      return failed;
    });
    expect(during).toEqual([true, true]);
    expect(buttons.map((b) => b.disabled)).toEqual([false, false]);
    await press(buttons, async () => answered());
    expect(buttons.map((b) => b.disabled)).toEqual([false, false]);
    await press(buttons, async () => answered(true));
    expect(buttons.map((b) => b.disabled)).toEqual([true, true]);
  });

  it('keeps the typed text when sending fails, and clears it when it is sent', async () => {
    const box = { value: '  my laptop is slow ' };
    let sent = '';
    await sendTyped(box, async (text: string) => {
      sent = text;
      expect(box.value).toBe('');
      return failed;
    });
    expect(sent).toBe('my laptop is slow');
    expect(box.value).toBe('my laptop is slow');
    await sendTyped(box, async () => answered());
    expect(box.value).toBe('');
  });

  it('says an oversized message is too long in a sentence, before sending it or when the desk refuses it', async () => {
    let called = false;
    const spy = async () => {
      called = true;
      return new Response('{}');
    };
    const big = await requestJson(spy, 'POST', '/api/local/messages', { user: 'a', text: 'x'.repeat(200_000) });
    expect(big).toEqual({ ok: false, error: 'That message is too long to send — please shorten it.' });
    expect(called).toBe(false);
    const refused = await requestJson(
      reply(413, { error: 'request body is larger than 131072 bytes' }),
      'POST',
      '/x',
      {},
    );
    expect(refused).toEqual({ ok: false, error: pageCopy.tooLong });
  });

  it("shows the desk's own error sentence, or its own when the desk is unreachable or says nothing", async () => {
    expect(await requestJson(reply(400, { error: 'text: required' }), 'POST', '/x', {})).toEqual({
      ok: false,
      error: 'text: required',
    });
    expect(await requestJson(reply(502, 'Bad gateway'), 'GET', '/x')).toEqual({
      ok: false,
      error: pageCopy.failed(502),
    });
    const down = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await requestJson(down, 'GET', '/x')).toEqual({ ok: false, error: pageCopy.offline });
    expect(await requestJson(reply(200, { messages: [] }), 'GET', '/x')).toEqual({ ok: true, data: { messages: [] } });
  });

  it('puts the words of a button first and its emoji after, as decoration', () => {
    expect(labelParts('👍 Helpful')).toEqual({ text: 'Helpful', emoji: '👍' });
    expect(labelParts('Claim')).toEqual({ text: 'Claim', emoji: '' });
  });

  it('puts an edit over the bubble it replaces when that one is shown, else at the end', () => {
    const shown = new Set(['#it-tier1/3']);
    expect(placeFor({ text: 'v2', id: '#it-tier1/3', replaces: '#it-tier1/3' }, shown)).toEqual({
      replace: '#it-tier1/3',
    });
    expect(placeFor({ text: 'v2', id: '@a/9', replaces: '@a/9' }, shown)).toEqual({ append: true });
    expect(placeFor({ text: 'new' }, shown)).toEqual({ append: true });
  });
});
