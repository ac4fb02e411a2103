/**
 * The word file of the rule-based classifier (feedback-words.yaml is the shipped one): YAML checked field by
 * field, so an admin's mistake is named, not guessed around. Every list is required and holds words or
 * phrases; unknown fields are refused (a misspelt list would otherwise be silently ignored).
 */
import { parse } from 'yaml';
import { z } from 'zod';

/** The lists that score a comment; `negators` turn the next match around. */
export const wordLists = ['appreciation', 'lukewarm', 'undertone', 'concern', 'complaint', 'escalation'] as const;
export type WordList = (typeof wordLists)[number];
export type FeedbackWords = Record<WordList | 'negators', string[]>;

/** A word file that cannot be used; `problems` has one line per bad field, each starting with its name. */
export class FeedbackWordsError extends Error {
  override readonly name = 'FeedbackWordsError';
  constructor(readonly problems: string[]) {
    super(`the feedback word file is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const entry = z
  .string({ error: 'must be a word or phrase' })
  .trim()
  .regex(/[\p{L}\p{N}]/u, 'must contain a letter or digit');
const list = z.array(entry, {
  error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a list of words or phrases'),
});

const fileSchema = z.strictObject(
  Object.fromEntries([...wordLists, 'negators'].map((name) => [name, list])) as Record<
    keyof FeedbackWords,
    typeof list
  >,
  {
    error:
      'must be a mapping with the lists appreciation, lukewarm, undertone, concern, complaint, escalation and negators',
  },
);

const at = (path: readonly PropertyKey[]) =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');

function describe(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => `${at([...issue.path, key])}: is not a known list`);
  return [issue.path.length === 0 ? issue.message : `${at(issue.path)}: ${issue.message}`];
}

/** Reads a word file (YAML, lists as above). Throws FeedbackWordsError naming every bad field. */
export function parseFeedbackWords(text: string): FeedbackWords {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new FeedbackWordsError([`not valid YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (raw === null || raw === undefined) throw new FeedbackWordsError(['the file is empty']);
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new FeedbackWordsError(parsed.error.issues.flatMap(describe));
  return parsed.data;
}
