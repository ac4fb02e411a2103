import { articleCopy } from '../../messages/article-copy.ts';
import type { Article } from '../articles/article.ts';
import { articleMarkdown } from '../articles/markdown-parser.ts';

const escapeHtml = articleMarkdown.utils.escapeHtml;
const c = articleCopy.page;

const style = `body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;background:#f4f6f8;margin:0}
main{max-width:46rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d9dee4;border-radius:8px}
h1{font-size:1.6rem;margin:0 0 .25rem}.meta{color:#5b6673;font-size:.9rem;margin:0 0 1.5rem}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;background:#eef1f4;border-radius:4px}code{padding:0 .25em}
pre{padding:.75rem;overflow-x:auto}table{border-collapse:collapse}td,th{border:1px solid #d9dee4;padding:.3rem .6rem}
a{color:#0b5cad}.site{color:#5b6673;font-size:.85rem;margin:0 0 1rem}`;

/**
 * An article as a read-only web page: its title (escaped), who keeps it and when it is next reviewed, and its
 * body from markdown with raw HTML off, so nothing an article holds becomes markup or script. No article: the
 * page that says so.
 */
export function toArticleHtml(article: Article | undefined): string {
  if (!article)
    return page(c.notFoundTitle, `<h1>${escapeHtml(c.notFoundTitle)}</h1>\n<p>${escapeHtml(c.notFound)}</p>`);
  const meta = [article.owner && c.owner(article.owner), article.reviewBy && c.reviewBy(article.reviewBy)];
  const shown = meta.filter((m): m is string => Boolean(m));
  return page(
    article.title,
    [
      `<h1>${escapeHtml(article.title)}</h1>`,
      ...(shown.length > 0 ? [`<p class="meta">${escapeHtml(shown.join(' · '))}</p>`] : []),
      `<article>\n${articleMarkdown.render(article.body)}</article>`,
    ].join('\n'),
  );
}

const page = (title: string, main: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(c.site)}</title>
<style>${style}</style>
</head>
<body>
<main>
<p class="site">${escapeHtml(c.site)}</p>
${main}
</main>
</body>
</html>
`;
