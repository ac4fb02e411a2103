import { describe, expect, it } from 'vitest';
import { parseEmbeddings } from '../../../../src/knowledge/embeddings/parse-embeddings.ts';

const item = (index: number, embedding: unknown) => ({ object: 'embedding', index, embedding });

describe('parseEmbeddings', () => {
  it('returns one vector per text sent, in the order sent, whatever order they arrive in', () => {
    const body = { object: 'list', data: [item(1, [0, 1]), item(0, [1, 0])], model: 'm', usage: {} };
    expect(parseEmbeddings(body, 2)).toEqual({
      ok: true,
      vectors: [
        [1, 0],
        [0, 1],
      ],
    });
  });

  it('refuses a reply that is not the agreed shape', () => {
    expect(parseEmbeddings(undefined, 1)).toEqual({ ok: false, reason: 'wrong_shape' });
    expect(parseEmbeddings({ data: [item(0, ['0.1'])] }, 1)).toEqual({ ok: false, reason: 'wrong_shape' });
    expect(parseEmbeddings({ data: [item(0, [])] }, 1)).toEqual({ ok: false, reason: 'wrong_shape' });
    expect(parseEmbeddings({ data: [item(0.5, [1])] }, 1)).toEqual({ ok: false, reason: 'wrong_shape' });
    expect(parseEmbeddings({ data: [item(0, 'AAAAPw==')] }, 1)).toEqual({ ok: false, reason: 'wrong_shape' });
  });

  it('refuses vectors that cannot be paired with the texts sent', () => {
    expect(parseEmbeddings({ data: [item(0, [1])] }, 2)).toEqual({ ok: false, reason: 'wrong_count' });
    expect(parseEmbeddings({ data: [item(0, [1]), item(0, [1])] }, 2)).toEqual({ ok: false, reason: 'wrong_index' });
    expect(parseEmbeddings({ data: [item(0, [1]), item(2, [1])] }, 2)).toEqual({ ok: false, reason: 'wrong_index' });
    expect(parseEmbeddings({ data: [item(0, [1]), item(1, [1, 0])] }, 2)).toEqual({
      ok: false,
      reason: 'mixed_dimensions',
    });
  });
});
