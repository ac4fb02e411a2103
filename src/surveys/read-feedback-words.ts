import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Logger } from '../log.ts';
import { type FeedbackWords, FeedbackWordsError, parseFeedbackWords } from './feedback-words.ts';

/**
 * The shipped word lists. They live here, next to the code that reads them, because the repository's top
 * level is fixed (DESIGN.md); an admin's own file is passed to readFeedbackWords.
 */
export const shippedWordsFile = new URL('./feedback-words.yaml', import.meta.url);

let shipped: FeedbackWords | undefined;

/** The built-in lists (the shipped file, read once). */
export function defaultFeedbackWords(): FeedbackWords {
  shipped ??= parseFeedbackWords(readFileSync(shippedWordsFile, 'utf8'));
  return shipped;
}

/**
 * An admin's word file, or the built-in lists: none given or none there → the built-in ones; a file that
 * cannot be read or is not valid → the built-in ones and one warning naming the file and every bad field.
 */
export async function readFeedbackWords(file: string | undefined, log: Logger): Promise<FeedbackWords> {
  if (!file) return defaultFeedbackWords();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return defaultFeedbackWords();
    log.warn('feedback word file unreadable, using the built-in words', { file, error: (err as Error).message });
    return defaultFeedbackWords();
  }
  try {
    return parseFeedbackWords(text);
  } catch (err) {
    if (!(err instanceof FeedbackWordsError)) throw err;
    log.warn('feedback word file not valid, using the built-in words', { file, problems: err.problems });
    return defaultFeedbackWords();
  }
}
