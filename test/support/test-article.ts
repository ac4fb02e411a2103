import type { Article } from '../../src/knowledge/articles/article.ts';

/** An article as the knowledge base holds it, with only what a test is about filled in. */
export const testArticle = (
  id: string,
  title: string,
  questions: string[] = [],
  body = `About ${title}.`,
): Article => ({
  id,
  title,
  tags: [],
  questions,
  body,
  audience: 'everyone',
});

/** What chat must render per platform: a numbered list with a nested one, a link, inline code and a code block. */
export const stepsArticle: Article = {
  ...testArticle('clear-dns', 'Clear the DNS cache'),
  body: [
    'When sites fail to load after a network change, clear the cache. See [the network guide](https://it.example.com/net).',
    '',
    '1. Open a terminal and type `ipconfig /flushdns`.',
    '2. Restart the browser. Check:',
    '   - the proxy setting,',
    '   - the VPN.',
    '3. Run this if it still fails:',
    '',
    '```',
    'netsh winsock reset',
    '```',
  ].join('\n'),
};

/** An article longer than one chat message of any platform takes: `steps` numbered steps, each a long line. */
export const longArticle = (steps = 200): Article => ({
  ...testArticle('long-guide', 'A very long guide'),
  body: [
    'Everything about the long guide.',
    Array.from(
      { length: steps },
      (_, i) => `${i + 1}. Step ${i + 1}: ${'check the cable & the port, '.repeat(5)}`,
    ).join('\n'),
    'The end of the guide.',
  ].join('\n\n'),
});
