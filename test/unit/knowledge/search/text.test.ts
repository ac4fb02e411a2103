import { describe, expect, it } from 'vitest';
import { toExcerpt } from '../../../../src/knowledge/articles/excerpt.ts';
import { parseSynonyms } from '../../../../src/knowledge/search/synonyms.ts';
import { stem, terms } from '../../../../src/knowledge/search/text.ts';

describe('terms', () => {
  it('drops question words, folds case, accents and apostrophes, spells out negations, and stems', () => {
    expect(terms("How do I connect to the Café's Wi-Fi? Can't connect!")).toEqual([
      'connect',
      'cafe',
      'wi',
      'fi',
      'not',
      'connect',
    ]);
  });

  it('hears "hasn\'t arrived" and "has not arrived" as the same question', () => {
    expect(terms("My card hasn't arrived")).toEqual(terms('My card has not arrived'));
    expect(terms('it won’t print')).toEqual(terms('it will not print'));
  });

  it("spells out a pronoun's contraction rather than reading it as another word", () => {
    const idIsIdentity = parseSynonyms('identity, id').synonyms.rewrite;
    expect(terms("I'd like a new laptop", idIsIdentity)).toEqual(['like', 'new', 'laptop']);
    expect(terms('we’ll need a monitor')).toEqual(terms('we will need a monitor'));
    expect(terms('my badge id', idIsIdentity)).toContain(terms('identity')[0]);
  });

  it('gives inflections of a word the same stem', () => {
    expect(stem('printers')).toBe(stem('printer'));
    expect(stem('printing')).toBe(stem('print'));
    expect(stem('stopped')).toBe(stem('stop'));
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('changing')).toBe(stem('change'));
    expect(stem('arrival')).toBe(stem('arrived'));
  });
});

describe('toExcerpt', () => {
  it('takes the first paragraph, skipping headings', () => {
    expect(toExcerpt('# Title\n\nFirst   paragraph\nwraps.\n\nSecond.')).toBe('First paragraph wraps.');
    expect(toExcerpt('## Reset it\nGo to the reset page.\n\nMore.')).toBe('Go to the reset page.');
  });

  it('cuts long paragraphs at a word boundary with an ellipsis', () => {
    const excerpt = toExcerpt('word '.repeat(200), 50);
    expect(excerpt.length).toBeLessThanOrEqual(50);
    expect(excerpt.endsWith('word…')).toBe(true);
  });
});
