import { type FSWatcher, watch } from 'node:fs';
import type { Logger } from '../../log.ts';
import type { Article } from './article.ts';
import { loadArticles } from './load-articles.ts';

/**
 * Reloads the articles when files in `dir` change. Editors save in bursts (temp file, rename, write),
 * so changes are gathered for a moment and loaded once.
 */
export function watchArticles(
  dir: string,
  log: Logger,
  onLoad: (articles: Article[]) => void,
  settleMs = 250,
): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    try {
      const articles = await loadArticles(dir, log);
      onLoad(articles);
      log.info('knowledge base reloaded', { articles: articles.length });
    } catch (err) {
      log.error('knowledge base reload failed; keeping the articles already loaded', { dir, err });
    }
  };
  const watcher = watch(dir, () => {
    clearTimeout(timer);
    timer = setTimeout(reload, settleMs);
  });
  watcher.on('close', () => clearTimeout(timer));
  return watcher;
}
