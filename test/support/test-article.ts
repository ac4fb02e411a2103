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
