import type { Route } from '../../http/http-server.ts';
import { articlePagePath } from '../articles/article-url.ts';
import type { KnowledgeBase } from '../knowledge-base.ts';
import { toArticleHtml } from './article-html.ts';

/**
 * The page sends no script and loads nothing from elsewhere but images an article links; it is not framed
 * by other sites, and the browser never guesses another type for it.
 */
const headers = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/**
 * GET /kb/<article id>: an article everyone may read, as a read-only page. An unknown id, and an article for
 * the help desk only (`audience: staff`), are the same 404: the page has no login, so it never shows one.
 */
export function articlePageRoute(kb: KnowledgeBase): Route {
  return {
    method: 'GET',
    path: `${articlePagePath}*`,
    handle: (_req, res, url) => {
      const article = kb.get(idOf(url.pathname.slice(articlePagePath.length)));
      const shown = article?.audience === 'everyone' ? article : undefined;
      const html = toArticleHtml(shown);
      res.writeHead(shown ? 200 : 404, { ...headers, 'content-length': Buffer.byteLength(html) });
      res.end(html);
    },
  };
}

/** The id as written in the address (`%20` a space); one that is no valid escape names no article. */
function idOf(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return '';
  }
}
