import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../../adapters/local/render-text.ts';
import { toAnswerMessage } from '../../../../src/knowledge/answers/answer-view.ts';
import { toFullArticleMessages } from '../../../../src/knowledge/answers/full-article-view.ts';
import { stepsArticle } from '../../../support/test-article.ts';

describe('toPlainText', () => {
  it('shows the fallback text and numbers the buttons so a terminal user can pick one', () => {
    const message = toAnswerMessage(
      { id: 'vpn', title: 'Connect to the VPN', tags: [], questions: [], body: 'Open the app.', audience: 'everyone' },
      'abc',
    );
    const { text, buttons } = toPlainText(message, 4);
    expect(text).toBe(
      'Connect to the VPN\nOpen the app.\n(article: vpn) Did this help?\n  [4] 👍 Helpful\n  [5] 👎 Not helpful\n  [6] Talk to a human\n  [7] Full article',
    );
    expect(buttons.map((b) => b.actionId)).toEqual(['helpful', 'not_helpful', 'talk_to_human', 'full_article']);
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

  it('shows a message without buttons as its text', () => {
    expect(toPlainText({ text: 'Hello' })).toEqual({ text: 'Hello', buttons: [] });
  });
});
