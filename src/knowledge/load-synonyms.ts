import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log.ts';
import { noSynonyms, parseSynonyms, type Synonyms } from './synonyms.ts';

/** The synonym list's file name inside the knowledge folder; it is reloaded with the articles. */
export const synonymsFile = 'synonyms.txt';

/** Reads `synonyms.txt` if there is one; a bad line is skipped with a warning naming it. */
export async function loadSynonyms(file: string, log: Logger): Promise<Synonyms> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return noSynonyms;
    throw err;
  }
  const { synonyms, problems } = parseSynonyms(source);
  for (const problem of problems) log.warn('synonym line skipped', { file, problem });
  return synonyms;
}

export const synonymsIn = (knowledgeDir: string) => join(knowledgeDir, synonymsFile);
