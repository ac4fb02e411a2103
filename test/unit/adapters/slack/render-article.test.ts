import { describe, expect, it } from 'vitest';
import { slackLimits } from '../../../../adapters/slack/limits.ts';
import { toBlockKit } from '../../../../adapters/slack/render.ts';
import { toFullArticleMessages } from '../../../../src/knowledge/answers/full-article-view.ts';
import { longArticle, stepsArticle } from '../../../support/test-article.ts';

type AnyBlock = { type: string; text?: { text: string }; elements?: { text?: string }[] };
const sections = (blocks: unknown[]) =>
  (blocks as AnyBlock[]).flatMap((b) => (b.type === 'section' ? [b.text?.text ?? ''] : []));

describe('a full article in Slack', () => {
  it('renders numbered steps, bullets as •, links as <url|label> and code in backticks', () => {
    const [message] = toFullArticleMessages(stepsArticle);
    const text = sections(toBlockKit(message ?? { text: '' }).blocks).join('\n\n');
    expect(text).toContain('*Clear the DNS cache*');
    expect(text).toContain('See <https://it.example.com/net|the network guide>.');
    expect(text).toContain('1. Open a terminal and type `ipconfig /flushdns`.\n2. Restart the browser. Check:');
    expect(text).toContain('\n   • the proxy setting,\n   • the VPN.\n3. Run this if it still fails:');
    expect(text).toContain('`netsh winsock reset`');
  });

  it('posts a long article as several messages within 50 blocks of sections up to 3,000 characters', () => {
    const messages = toFullArticleMessages(longArticle());
    expect(messages.length).toBeGreaterThan(1);
    const rendered = messages.map((m) => toBlockKit(m));
    for (const { blocks } of rendered) {
      expect(blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
      for (const s of sections(blocks)) expect(s.length).toBeLessThanOrEqual(slackLimits.sectionText);
      expect(JSON.stringify(blocks)).not.toContain('more than fits');
    }
    const all = rendered.flatMap((r) => sections(r.blocks)).join('\n');
    for (const n of [1, 100, 200]) expect(all).toContain(`\n${n}. Step ${n}: check the cable &amp; the port`);
  });
});
