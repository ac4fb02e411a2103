import { describe, expect, it } from 'vitest';
import { textFirst, toPlainText } from '../../../../adapters/local/render-text.ts';
import { toAnswerMessage, toClarifyMessage } from '../../../../src/knowledge/answers/answer-view.ts';
import { toFullArticleMessages } from '../../../../src/knowledge/answers/full-article-view.ts';
import type { Article } from '../../../../src/model/article.ts';
import { stepsArticle } from '../../../support/test-article.ts';

const article = (id: string, title: string, body = 'Open the app.'): Article => ({
  id,
  title,
  tags: [],
  questions: [],
  body,
  audience: 'everyone',
});

describe('toPlainText', () => {
  it('shows the text without markdown marks and numbers the buttons, words before emoji', () => {
    const message = toAnswerMessage(article('vpn', 'Connect to the VPN', 'Open the `GlobalProtect` app.'), 'abc');
    const { text, buttons } = toPlainText(message, 4);
    expect(text).toBe(
      'Connect to the VPN\n\nOpen the GlobalProtect app.\nArticle vpn · Did this help?\n  [4] Helpful 👍\n  [5] Not helpful 👎\n  [6] Talk to a human\n  [7] Full article',
    );
    expect(text).not.toContain('`');
    expect(buttons.map((b) => b.actionId)).toEqual(['helpful', 'not_helpful', 'talk_to_human', 'full_article']);
  });

  it('shows each choice once: as a button to pick, not also as a line of text', () => {
    const message = toClarifyMessage(
      [article('a', 'Reset a forgotten password'), article('b', 'Unlock an account')],
      'i',
    );
    const { text } = toPlainText(message);
    expect(text.match(/Reset a forgotten password/g)).toHaveLength(1);
    expect(text).toContain('  [1] Reset a forgotten password\n  [2] Unlock an account\n  [3] Talk to a human');
  });

  it('shows a full article’s steps as lines, links as "label (url)" and code as its words', () => {
    const [message] = toFullArticleMessages(stepsArticle);
    expect(toPlainText(message ?? { text: '' }).text).toBe(
      [
        'Clear the DNS cache',
        'When sites fail to load after a network change, clear the cache. See the network guide (https://it.example.com/net).',
        '1. Open a terminal and type ipconfig /flushdns.\n2. Restart the browser. Check:\n   - the proxy setting,\n   - the VPN.\n3. Run this if it still fails:',
        'netsh winsock reset',
      ].join('\n\n'),
    );
  });

  it('shows a message without blocks, or with only a form, as its text', () => {
    expect(toPlainText({ text: 'Hello' })).toEqual({ text: 'Hello', buttons: [] });
    const form = { id: 'f', title: 'New ticket', submitLabel: 'Open', openLabel: 'Open…', fields: [] };
    expect(toPlainText({ text: 'Type `ticket <subject>`.', blocks: [{ kind: 'form', form }] }).text).toBe(
      'Type ticket <subject>.',
    );
  });

  it('puts a leading emoji after the words, and leaves other labels alone', () => {
    expect(textFirst('👍 Helpful')).toBe('Helpful 👍');
    expect(textFirst('👩‍💻 Talk to a person')).toBe('Talk to a person 👩‍💻');
    expect(textFirst('Claim')).toBe('Claim');
    expect(textFirst('⭐⭐⭐')).toBe('⭐⭐⭐');
  });
});
