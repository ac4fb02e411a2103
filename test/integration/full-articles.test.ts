import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/messages/message.ts';
import { articleFolder } from '../support/article-folder.ts';
import { buttonsOf, startTestApp, type TestApp } from '../support/test-app.ts';
import { longArticle, testArticle } from '../support/test-article.ts';

const staffOnly = {
  ...testArticle('server-room', 'Server room access codes'),
  audience: 'staff' as const,
  body: '1. The door code is 4711.\n2. Sign the visitor book.',
};
const hostile = {
  ...testArticle('hostile', 'Toner <img src=x onerror=alert(1)> & "cartridges"'),
  owner: 'print<b>team</b>',
  body: "<script>alert('x')</script>\n\n[Click here](javascript:alert(1)) or **read on**.",
};
const publicUrl = 'https://desk.example.com';

describe('whole articles in the local chat, and their web pages', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      KNOWLEDGE_DIR: await articleFolder([longArticle(), staffOnly, hostile]),
      PUBLIC_URL: `${publicUrl}/`,
      ADMINS: 'local:ann',
    });
  });
  afterAll(() => app.close());

  const call = async (path: string, body: unknown) =>
    ((await (await app.post(path, body)).json()) as { messages: Message[] }).messages;
  const press = (user: string, action: string, value: string) => call('/api/local/actions', { user, action, value });
  const page = async (id: string) => {
    const res = await app.get(`/kb/${encodeURIComponent(id)}`);
    return { status: res.status, type: res.headers.get('content-type'), html: await res.text(), headers: res.headers };
  };

  it('answers with "Show the steps", which posts every step of the article and the 14-character rule', async () => {
    const [answer] = await call('/api/local/messages', { user: 'alice', text: 'how do I reset my password' });
    expect(answer?.text).toMatch(/^Reset a forgotten password/);
    expect(answer?.text).not.toContain('14 characters');
    const steps = buttonsOf(answer).find((b) => b.label === 'Show the steps');
    expect(steps).toEqual({ label: 'Show the steps', actionId: 'full_article', value: 'password-reset' });

    const replies = await press('alice', steps?.actionId ?? '', steps?.value ?? '');
    expect(replies).toHaveLength(1);
    const text = replies[0]?.text ?? '';
    for (const step of ['1. On any device', '2. Enter your work email', '6. Update the password on your phone'])
      expect(text).toContain(step);
    expect(text).toContain('It must be at least 14 characters');
    // A reply under the answer: the answer keeps its "Did this help?".
    expect(replies[0]?.settles).toBeUndefined();
  });

  it('links the article page from the answer and the full article when PUBLIC_URL is set', async () => {
    const [answer] = await call('/api/local/messages', { user: 'bea', text: 'how do I reset my password' });
    const url = `${publicUrl}/kb/password-reset`;
    expect(answer?.blocks).toContainEqual({
      kind: 'context',
      text: `Article [password-reset](${url}) · Did this help?`,
    });
    expect(answer?.text).toContain(url);
    const replies = await press('bea', 'full_article', 'password-reset');
    expect(replies.at(-1)?.text).toMatch(new RegExp(`Also on the web: ${url}$`));
  });

  it('posts a long article in several messages, every step in order', async () => {
    const replies = await press('alice', 'full_article', 'long-guide');
    expect(replies.length).toBeGreaterThan(2);
    const text = replies.map((r) => r.text).join('\n');
    const at = [1, 2, 100, 199, 200].map((n) => text.indexOf(`\n${n}. Step ${n}: `));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('The end of the guide.');
  });

  it('says so politely for an article that is gone, and keeps help-desk articles to the help desk', async () => {
    for (const value of ['retired-article', 'server-room']) {
      const [reply] = await press('alice', 'full_article', value);
      expect(reply?.text).toMatch(/isn't in the knowledge base any more/);
    }
    const [forAnn] = await press('ann', 'full_article', 'server-room');
    expect(forAnn?.text).toContain('1. The door code is 4711.');
    const [refused] = await press('alice', 'full_article', '../etc/passwd');
    expect(refused?.text).toMatch(/didn't recognise that button/);
  });

  it('serves an article as a read-only page: title, owner, review date and the body as HTML', async () => {
    const shown = await page('password-reset');
    expect(shown.status).toBe(200);
    expect(shown.type).toBe('text/html; charset=utf-8');
    expect(shown.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(shown.html).toContain('<h1>Reset a forgotten password</h1>');
    expect(shown.html).toContain('Kept by identity-team · next review by 2027-06-30');
    expect(shown.html).toMatch(/<ol>\s*<li>On any device/);
    expect(shown.html).toContain('It must be at least 14 characters');
    expect(shown.html).toContain('<strong>Change password</strong>');
    expect(shown.html).toContain('<a href="https://it.example.com/reset">https://it.example.com/reset</a>');
  });

  it('escapes what an article holds: no markup, script or javascript: link from it reaches the page', async () => {
    const { status, html } = await page('hostile');
    expect(status).toBe(200);
    expect(html).toContain('<h1>Toner &lt;img src=x onerror=alert(1)&gt; &amp; &quot;cartridges&quot;</h1>');
    expect(html).toContain('Kept by print&lt;b&gt;team&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(');
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(html).toContain('<strong>read on</strong>');
  });

  it('answers 404 with a page for an unknown article, and for one kept to the help desk', async () => {
    for (const id of ['no-such-article', 'server-room', '%E0%A4%A']) {
      const res = await app.get(`/kb/${id}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).toContain('No such article');
      expect(html).not.toContain('4711');
    }
  });
});
