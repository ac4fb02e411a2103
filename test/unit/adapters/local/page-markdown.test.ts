import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toFullArticleMessages } from '../../../../src/knowledge/answers/full-article-view.ts';
import { parseArticle } from '../../../../src/knowledge/articles/article.ts';

/** The web page's own markdown renderer (its "Safe markdown subset" section), run as the browser runs it. */
function pageMarkdown(): (text: string) => string {
  const page = readFileSync(new URL('../../../../adapters/local/page.html', import.meta.url), 'utf8');
  const from = page.indexOf('// ---- Safe markdown subset ----');
  const to = page.indexOf('// ---- Rendering ----');
  if (from < 0 || to < from) throw new Error('the page’s markdown section was not found');
  return new Function(`${page.slice(from, to)}; return markdown;`)() as (text: string) => string;
}

describe('the web page shows a full article', () => {
  it('with its steps numbered as written, after a nested list too', () => {
    const source = readFileSync(new URL('../../../../knowledge/account-locked-out.md', import.meta.url), 'utf8');
    const parsed = parseArticle('account-locked-out', source);
    if (!parsed.ok) throw new Error(parsed.problem);
    const [message] = toFullArticleMessages(parsed.article);
    const html = (message?.blocks ?? []).map((b) => (b.kind === 'text' ? pageMarkdown()(b.text) : '')).join('');
    expect(html).toMatch(/<ol><li>Wait 15 minutes/);
    expect(html).toMatch(/<ul><li>the mail app on your phone or tablet,<\/li>/);
    expect(html).toMatch(/<ol start="4"><li>Update or remove the saved password/);
  });
});
