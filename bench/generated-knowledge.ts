/**
 * A knowledge folder of `size` markdown articles for benches that start the real desk: the evaluation
 * articles and their deterministic variants (article-variants.ts), written as the desk reads them, with
 * the shipped synonym list beside them.
 */
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Article } from '../src/knowledge/articles/article.ts';
import { buildArticles, loadEvalData, VariantMaker } from './article-variants.ts';
import { root } from './desk-spawn.ts';

const evalRoot = new URL('../../shared/eval/', import.meta.url);

/** Article files are named after their id; ids from the evaluation sets may hold any character. */
const fileName = (article: Article, n: number) =>
  `${String(n).padStart(5, '0')}-${article.id.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)}.md`;

const markdown = (article: Article) => {
  const front = {
    title: article.title.slice(0, 200) || article.id,
    questions: article.questions
      .map((q) => q.slice(0, 500).trim())
      .filter(Boolean)
      .slice(0, 100),
  };
  // Some evaluation articles are only a title and questions; the desk skips an article without a body.
  const body = article.body.trim() || article.questions.join('\n\n') || article.title;
  return `---\n${stringify(front)}---\n\n${body}\n`;
};

/** Writes the folder and returns its path; the caller removes it. */
export async function writeGeneratedKnowledge(size: number): Promise<string> {
  const { articles: bases } = loadEvalData(evalRoot);
  if (bases.length === 0) throw new Error(`no evaluation articles under ${evalRoot.pathname}`);
  const dir = await mkdtemp(join(tmpdir(), `tierdesk-kb-${size}-`));
  const articles = buildArticles(bases, size, new VariantMaker(bases));
  await Promise.all(articles.map((a, n) => writeFile(join(dir, fileName(a, n)), markdown(a))));
  await copyFile(join(root, 'knowledge', 'synonyms.txt'), join(dir, 'synonyms.txt'));
  return dir;
}
