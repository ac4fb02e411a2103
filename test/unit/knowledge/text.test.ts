import { describe, expect, it } from 'vitest';
import { toExcerpt } from '../../../src/knowledge/excerpt.ts';
import { stem, terms } from '../../../src/knowledge/text.ts';

describe('terms', () => {
  it('drops question words, folds case, accents and apostrophes, and stems', () => {
    expect(terms("How do I connect to the Café's Wi-Fi? Can't connect!")).toEqual([
      'connect',
      'cafe',
      'wi',
      'fi',
      'cant',
      'connect',
    ]);
  });

  it('gives inflections of a word the same stem', () => {
    expect(stem('printers')).toBe(stem('printer'));
    expect(stem('printing')).toBe(stem('print'));
    expect(stem('stopped')).toBe(stem('stop'));
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('changing')).toBe(stem('change'));
  });
});

describe('toExcerpt', () => {
  it('takes the first paragraph, skipping headings', () => {
    expect(toExcerpt('# Title\n\nFirst   paragraph\nwraps.\n\nSecond.')).toBe('First paragraph wraps.');
  });

  it('cuts long paragraphs at a word boundary with an ellipsis', () => {
    const excerpt = toExcerpt('word '.repeat(200), 50);
    expect(excerpt.length).toBeLessThanOrEqual(50);
    expect(excerpt.endsWith('word…')).toBe(true);
  });
});
