import { describe, expect, it } from 'vitest';
import { noisyVariant } from '../../../../src/knowledge/eval/noisy-variants.ts';

const q = { query: 'How do I connect to the company network from home?', gold: 'vpn' };

describe('noisy variants of evaluation queries', () => {
  it('puts up to two slips in the longer words, never the first letter, the same each run', () => {
    const noisy = noisyVariant(q, 'typos', 3);
    expect(noisy).toEqual(noisyVariant(q, 'typos', 3));
    expect(noisy.gold).toBe('vpn');
    const before = q.query.split(' ');
    const after = noisy.query.split(' ');
    const changed = before.filter((w, i) => w !== after[i]);
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.length).toBeLessThanOrEqual(2);
    for (const [i, w] of before.entries()) {
      if (w !== after[i])
        expect({ length: w.length >= 5, first: after[i]?.[0] }).toEqual({ length: true, first: w[0] });
    }
  });

  it('tells the question inside sentences that say nothing of its topic', () => {
    const noisy = noisyVariant(q, 'context', 1);
    expect(noisy.query).toContain(q.query);
    expect(noisy.query.length).toBeGreaterThan(q.query.length + 20);
    expect(noisyVariant(q, 'context', 1)).toEqual(noisy);
  });
});
