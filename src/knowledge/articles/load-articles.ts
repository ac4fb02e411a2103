import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Logger } from '../../log.ts';
import { type Article, parseArticle } from './article.ts';

/**
 * Reads every `*.md` directly in `dir` (drafts in sub-folders are not live). A broken file is skipped
 * with a warning naming it; it never stops the others from loading.
 */
export async function loadArticles(dir: string, log: Logger): Promise<Article[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.md') && e.name.toLowerCase() !== 'readme.md')
    .map((e) => e.name)
    .sort();
  const articles: Article[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const parsed = parseArticle(basename(name, '.md'), await readFile(file, 'utf8'));
    if (parsed.ok) articles.push(parsed.article);
    else log.warn('knowledge article skipped', { file, problem: parsed.problem });
  }
  return articles;
}
