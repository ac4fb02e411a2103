import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toAnswerMessage } from '../../../../src/knowledge/answers/answer-view.ts';
import { toFullArticleMessages } from '../../../../src/knowledge/answers/full-article-view.ts';
import { toSynthesizedAnswerMessage } from '../../../../src/knowledge/answers/synthesized-answer-view.ts';
import { type Article, parseArticle } from '../../../../src/knowledge/articles/article.ts';
import { partLimits } from '../../../../src/messages/message-parts.ts';
import { testArticle } from '../../../support/test-article.ts';

const shipped = (id: string): Article => {
  const parsed = parseArticle(id, readFileSync(new URL(`../../../../knowledge/${id}.md`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.article;
};
const textBlocks = (m: { blocks?: { kind: string; text?: string }[] }) =>
  (m.blocks ?? []).flatMap((b) => (b.kind === 'text' ? [b.text ?? ''] : []));

describe('an answer offers its whole article', () => {
  const reset = shipped('password-reset');

  it('"Show the steps" for an article with numbered steps, "Full article" for one without', () => {
    const buttons = (a: Article) =>
      toAnswerMessage(a, 'i-1').blocks?.flatMap((b) => (b.kind === 'actions' ? b.buttons : [])) ?? [];
    expect(buttons(reset).at(-1)).toEqual({
      label: 'Show the steps',
      actionId: 'full_article',
      value: 'password-reset',
    });
    expect(buttons(testArticle('vpn', 'Connect to the VPN')).at(-1)).toMatchObject({ label: 'Full article' });
  });

  it('links the article’s page by its id when the desk has a public address', () => {
    const url = 'https://desk.example.com/kb/password-reset';
    const message = toAnswerMessage(reset, 'i-1', url);
    expect(message.blocks?.[1]).toEqual({
      kind: 'context',
      text: `Article [password-reset](${url}) · Did this help?`,
    });
    expect(message.text).toContain(`(article: password-reset, ${url}) Did this help?`);
  });

  it('offers each article a composed answer drew on, by title when there are several', () => {
    const cited = [reset, testArticle('mfa-setup', 'Set up MFA')];
    const buttons = toSynthesizedAnswerMessage('Use the reset page.', cited, 'i-1').blocks?.flatMap((b) =>
      b.kind === 'actions' ? b.buttons : [],
    );
    expect(buttons?.slice(3).map((b) => [b.label, b.value])).toEqual([
      ['Full article: Reset a forgotten password', 'password-reset'],
      ['Full article: Set up MFA', 'mfa-setup'],
    ]);
  });
});

describe('toFullArticleMessages', () => {
  it('posts every step of "Reset a forgotten password", the 14-character rule included', () => {
    const [message, ...more] = toFullArticleMessages(shipped('password-reset'));
    expect(more).toEqual([]);
    const text = textBlocks(message ?? { blocks: [] }).join('\n\n');
    expect(text.startsWith('**Reset a forgotten password**')).toBe(true);
    for (const step of [1, 2, 3, 4, 5, 6]) expect(text).toMatch(new RegExp(`^${step}\\. `, 'm'));
    expect(text).toContain('It must be at least 14 characters');
    expect(text).toContain('**Change password**');
    expect(message?.text).toContain('It must be at least 14 characters');
    expect(message?.text).not.toContain('**');
  });

  it('ends with the article’s web page when there is one', () => {
    const messages = toFullArticleMessages(shipped('vpn-connect'), 'https://desk.example.com/kb/vpn-connect');
    expect(messages.at(-1)?.blocks?.at(-1)).toEqual({
      kind: 'context',
      text: 'Also on the web: https://desk.example.com/kb/vpn-connect',
    });
  });

  it('splits a long article into parts every platform takes whole, each after the first saying which', () => {
    const steps = Array.from({ length: 120 }, (_, i) => `${i + 1}. Step ${i + 1}: ${'check the cable and '.repeat(6)}`);
    const body = ['Intro paragraph.', steps.join('\n'), 'x'.repeat(7000)].join('\n\n');
    const messages = toFullArticleMessages({ ...testArticle('long', 'A long article'), body });
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      const texts = textBlocks(m);
      for (const t of texts) expect(t.length).toBeLessThanOrEqual(partLimits.blockChars);
      expect(texts.join('').length).toBeLessThanOrEqual(partLimits.messageChars);
    }
    expect(messages[1]?.blocks?.[0]).toEqual({
      kind: 'context',
      text: `A long article, continued (2 of ${messages.length})`,
    });
    const all = messages.map((m) => textBlocks(m).join('\n')).join('\n');
    for (const n of [1, 60, 120]) expect(all).toContain(`${n}. Step ${n}:`);
    expect(all.replace(/\s/g, '')).toContain('x'.repeat(7000));
  });
});
