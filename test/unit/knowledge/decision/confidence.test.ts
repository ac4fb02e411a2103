import { describe, expect, it } from 'vitest';
import { toConfidence } from '../../../../src/knowledge/decision/confidence.ts';
import type { Signals } from '../../../../src/knowledge/search/search-scratch.ts';

const signals = (s: Partial<Signals>): Signals => ({
  bm25: 0,
  coverage: 0,
  phrasing: 0,
  learned: 0,
  unhelpful: 0,
  semantic: 0,
  ...s,
});

/** An article no word of the question names, whose meaning is clearly closest, far ahead of the rest. */
const meaningOnly = signals({ semantic: 0.8 });

describe('confidence', () => {
  it('answers an article found by meaning alone when the model is the one the curve was fitted on', () => {
    expect(toConfidence(meaningOnly, 1, { calibrated: true, gap: 0.3 })).toBeGreaterThan(0.85);
    // Another model's cosines are on another scale: they rank, but add nothing here.
    expect(toConfidence(meaningOnly, 1, { calibrated: false, gap: 0.3 })).toBeLessThan(0.55);
    expect(toConfidence(meaningOnly, 1)).toBeLessThan(0.55);
  });

  it('is less sure when the runner-up means nearly the same', () => {
    const clear = toConfidence(meaningOnly, 1, { calibrated: true, gap: 0.3 });
    const close = toConfidence(meaningOnly, 0.05, { calibrated: true, gap: 0.01 });
    expect(close).toBeLessThan(clear);
    expect(close).toBeLessThan(0.85);
  });

  it('does not answer again an article said not to help with this very question, however close its meaning', () => {
    const strong = signals({ coverage: 1, phrasing: 1, semantic: 0.9 });
    const saidNo = { ...strong, unhelpful: 1 };
    // The 👎 also costs the article its score (search-index.ts), so its lead over the runner-up shrinks.
    const meaning = { calibrated: true, gap: 0.3 };
    expect(toConfidence(strong, 0.6, meaning)).toBeGreaterThan(0.85);
    expect(toConfidence(saidNo, 0.2, meaning)).toBeLessThan(0.55);
    expect(toConfidence(saidNo, 0.6, meaning)).toBeLessThan(0.85);
  });
});
