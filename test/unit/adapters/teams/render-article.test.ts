import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../../../adapters/teams/render.ts';
import { toActivity } from '../../../../adapters/teams/to-activity.ts';
import { toFullArticleMessages } from '../../../../src/knowledge/answers/full-article-view.ts';
import type { Article } from '../../../../src/model/article.ts';
import { longArticle, stepsArticle } from '../../../support/test-article.ts';

/** Teams refuses a message over 28 KB, and the activity's addressing comes on top of what is rendered. */
const renderedBudget = 26_000;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const cardOf = (activity: ReturnType<typeof toActivity>) => activity.attachments?.[0]?.content as AdaptiveCard;
const texts = (card: AdaptiveCard) => card.body.map((e) => String(e.text ?? ''));

describe('a full article in Teams', () => {
  it('renders numbered steps and bullets as card markdown, links as links, and code as plain words', () => {
    const [message] = toFullArticleMessages(stepsArticle);
    const text = texts(cardOf(toActivity(message ?? { text: '' }))).join('\n\n');
    expect(text).toContain('See [the network guide](https://it.example.com/net).');
    expect(text).toContain('1. Open a terminal and type ipconfig /flushdns.\n2. Restart the browser. Check:');
    expect(text).toContain('   - the proxy setting,\n   - the VPN.');
    expect(text).toContain('\nnetsh winsock reset');
    expect(text).not.toContain('`');
  });

  it('sends a long article as several activities within 28 KB, none of them trimmed', () => {
    // Three UTF-8 bytes a character: the size limit is in bytes, not characters.
    const long = longArticle();
    const japanese: Article = {
      ...long,
      body: long.body.replaceAll('check the cable & the port', 'ケーブルとポートを確認する'),
    };
    for (const article of [long, japanese]) {
      const messages = toFullArticleMessages(article);
      expect(messages.length).toBeGreaterThan(1);
      const cards = messages.map((m) => {
        const activity = toActivity(m);
        expect(bytes(activity)).toBeLessThanOrEqual(renderedBudget);
        return cardOf(activity);
      });
      expect(cards.map((c) => c.body.length)).toEqual(messages.map((m) => m.blocks?.length));
      const all = cards.flatMap(texts).join('\n');
      for (const n of [1, 100, 200]) expect(all).toContain(`\n${n}. Step ${n}:`);
      expect(all).toContain('The end of the guide.');
    }
  });
});
