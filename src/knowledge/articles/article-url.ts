import type { Article } from '../../model/article.ts';

/** Where the desk serves an article's read-only page (see article-page/). */
export const articlePagePath = '/kb/';

/** The article's page at the desk's public address, when one is set (PUBLIC_URL). */
export const articlePageUrl = (publicUrl: string | undefined, article: Pick<Article, 'id'>): string | undefined =>
  publicUrl ? `${publicUrl}${articlePagePath}${encodeURIComponent(article.id)}` : undefined;
