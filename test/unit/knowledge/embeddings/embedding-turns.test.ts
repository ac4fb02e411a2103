import { describe, expect, it } from 'vitest';
import { turnsOf } from '../../../../src/knowledge/embeddings/embedding-thread.ts';

const text = (chars: number, mark = 'x') => mark.repeat(chars);

describe("texts sent to the model's thread", () => {
  it('go eight short ones a call, in order', () => {
    const short = Array.from({ length: 19 }, (_, i) => `question ${i}`);
    const turns = turnsOf(short);
    expect(turns.map((t) => t.length)).toEqual([8, 8, 3]);
    expect(turns.flat()).toEqual(short);
  });

  it('send long ones (an article opening) alone or with a few short ones, so the model stays small', () => {
    const opening = text(1000, 'o');
    const texts = ['Title A', 'How do I a?', opening, 'Title B', opening, opening, text(2000, 'l'), 'Title C'];
    const turns = turnsOf(texts);
    expect(turns.map((t) => t.map((s) => s.length))).toEqual([[7, 11, 1000, 7], [1000], [1000], [2000], [7]]);
    expect(turns.flat()).toEqual(texts);
  });

  it('sends nothing for nothing', () => {
    expect(turnsOf([])).toEqual([]);
  });
});
