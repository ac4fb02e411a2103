import { describe, expect, it } from 'vitest';
import { TopK } from '../../../../src/knowledge/search/top-k.ts';

const kept = (top: TopK) => {
  const out: [number, number][] = [];
  top.forEach((item, score) => {
    out.push([item, score]);
  });
  return out.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
};

describe('TopK', () => {
  it('keeps the k best of everything offered, the lower number on equal scores', () => {
    const scores = [0.2, 0.9, 0.5, 0.9, 0.1, 0.5, 0.7, 0.5, 0.3];
    const top = new TopK(4);
    scores.forEach((score, item) => {
      top.offer(item, score);
    });
    expect(kept(top)).toEqual([
      [1, 0.9],
      [3, 0.9],
      [6, 0.7],
      [2, 0.5],
    ]);
  });

  it('keeps everything when offered fewer than k, and nothing when k is 0', () => {
    const few = new TopK(5);
    few.offer(3, 0.1);
    few.offer(1, 0.4);
    expect(kept(few)).toEqual([
      [1, 0.4],
      [3, 0.1],
    ]);
    const none = new TopK(0);
    none.offer(1, 1);
    expect(kept(none)).toEqual([]);
  });
});
