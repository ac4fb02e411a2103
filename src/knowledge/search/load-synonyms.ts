import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../log.ts';
import { noSynonyms, parseSynonyms, type Synonyms } from './synonyms.ts';

/**
 * Reads `synonyms.txt` in the knowledge folder if there is one (it is reloaded with the articles); a bad
 * line is skipped with a warning naming it.
 */
export function loadSynonyms(knowledgeDir: string, log: Logger): Promise<Synonyms> {
  return loadSynonymFile(join(knowledgeDir, 'synonyms.txt'), log, { optional: true });
}

/** One synonym file (the eval command's `--synonyms`); a missing one is an error unless `optional`. */
export async function loadSynonymFile(file: string, log: Logger, { optional = false } = {}): Promise<Synonyms> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    if (optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return noSynonyms;
    throw err;
  }
  const { synonyms, problems } = parseSynonyms(source);
  for (const problem of problems) log.warn('synonym line skipped', { file, problem });
  return synonyms;
}
