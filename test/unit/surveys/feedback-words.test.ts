import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/log.ts';
import { FeedbackWordsError, parseFeedbackWords } from '../../../src/surveys/feedback-words.ts';
import { defaultFeedbackWords, readFeedbackWords } from '../../../src/surveys/read-feedback-words.ts';

const good = `
appreciation: [thanks, spot on]
lukewarm: [ok]
undertone: [slow]
concern: [worried]
complaint: [useless]
escalation: [unacceptable]
negators: [not]
`;

const problemsOf = (text: string) => {
  try {
    parseFeedbackWords(text);
  } catch (err) {
    if (err instanceof FeedbackWordsError) return err.problems;
    throw err;
  }
  throw new Error('expected the file to be refused');
};

describe('parseFeedbackWords', () => {
  it('reads every list', () => {
    expect(parseFeedbackWords(good)).toEqual({
      appreciation: ['thanks', 'spot on'],
      lukewarm: ['ok'],
      undertone: ['slow'],
      concern: ['worried'],
      complaint: ['useless'],
      escalation: ['unacceptable'],
      negators: ['not'],
    });
  });

  it('ships a default file that parses and has a few words in every list', () => {
    for (const list of Object.values(defaultFeedbackWords())) expect(list.length).toBeGreaterThan(3);
  });

  it('names a missing list, a misspelt one and a bad entry', () => {
    const bad = good
      .replace('concern: [worried]\n', 'concerns: [worried]\n')
      .replace('[useless]', '[useless, 42, "  "]');
    expect(problemsOf(bad)).toEqual([
      'concern: is missing',
      'complaint[1]: must be a word or phrase',
      'complaint[2]: must contain a letter or digit',
      'concerns: is not a known list',
    ]);
  });

  it('names a list that is not a list', () => {
    expect(problemsOf(good.replace('negators: [not]', 'negators: not'))).toEqual([
      'negators: must be a list of words or phrases',
    ]);
  });

  it('refuses an empty file, YAML that is not a mapping, and broken YAML', () => {
    expect(problemsOf('')).toEqual(['the file is empty']);
    expect(problemsOf('- thanks')[0]).toMatch(/^must be a mapping with the lists appreciation/);
    expect(problemsOf('appreciation: [thanks')[0]).toMatch(/^not valid YAML: /);
  });
});

describe('readFeedbackWords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-words-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('uses an admin’s file', async () => {
    const log = createMemoryLogger();
    expect((await readFeedbackWords(file('good.yaml', good), log)).appreciation).toEqual(['thanks', 'spot on']);
    expect(log.lines).toEqual([]);
  });

  it('falls back to the built-in words, quietly, when there is no file', async () => {
    const log = createMemoryLogger();
    expect(await readFeedbackWords(undefined, log)).toBe(defaultFeedbackWords());
    expect(await readFeedbackWords(join(dir, 'absent.yaml'), log)).toBe(defaultFeedbackWords());
    expect(log.lines).toEqual([]);
  });

  it('falls back to the built-in words with one warning naming the file and the field', async () => {
    const log = createMemoryLogger();
    const path = file('bad.yaml', good.replace('lukewarm: [ok]\n', ''));
    expect(await readFeedbackWords(path, log)).toBe(defaultFeedbackWords());
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'warn', file: path, problems: ['lukewarm: is missing'] }),
    ]);
  });
});
