import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lengthOf, VectorTable } from '../../../../src/knowledge/search/vector-table.ts';

const scanned = (table: VectorTable, question: number[]) => {
  const seen: [number, number][] = [];
  table.scan(question, (doc, cosine) => seen.push([doc, cosine]));
  return seen;
};

describe('vector table', () => {
  it('gives the cosine of the question with each article that has a vector, whatever their lengths', () => {
    const table = new VectorTable(4);
    expect(table.empty).toBe(true);
    expect(table.set(0, [3, 4, 0, 0, 0])).toBe(true);
    expect(table.set(2, [0, 0, 0, 0, 2])).toBe(true);
    expect(table.set(3, [-1, 0, 0, 0, 0])).toBe(true);
    expect(table.empty).toBe(false);
    const seen = scanned(table, [6, 8, 0, 0, 0]);
    // Article 1 has no vector, article 2 is at right angles and article 3 points away: only article 0.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.[0]).toBe(0);
    expect(seen[0]?.[1]).toBeCloseTo(1, 6);
    expect(scanned(table, [1, 0, 0, 1, 1]).map(([doc]) => doc)).toEqual([0, 2]);
  });

  it("refuses an empty vector or another model's length, and ignores a question of another length", () => {
    const table = new VectorTable(2);
    expect(table.set(0, [])).toBe(false);
    expect(table.set(0, [1, 0, 0])).toBe(true);
    expect(table.set(1, [1, 0])).toBe(false);
    expect(table.set(5, [1, 0, 0])).toBe(false);
    expect(scanned(table, [1, 0])).toEqual([]);
  });
});

describe('vector table kernel', () => {
  it('agrees with the cosine worked out directly, at the bundled model’s 512 dimensions and at odd lengths', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31 - 0.5;
    };
    for (const dimensions of [512, 7, 1]) {
      const rows = Array.from({ length: 300 }, () => Array.from({ length: dimensions }, next));
      const table = new VectorTable(rows.length);
      expect(rows.every((row, doc) => table.set(doc, row))).toBe(true);
      const question = Array.from({ length: dimensions }, next);
      const expected = rows
        .map((row, doc) => [doc, row.reduce((sum, x, i) => sum + x * (question[i] as number), 0)] as const)
        .map(([doc, dot]) => [doc, dot / (lengthOf(rows[doc] as number[]) * lengthOf(question))] as const)
        .filter(([, cosine]) => cosine > 1e-6);
      const seen = scanned(table, question).filter(([, cosine]) => cosine > 1e-6);
      expect(seen.map(([doc]) => doc)).toEqual(expected.map(([doc]) => doc));
      for (const [i, [, cosine]] of seen.entries()) expect(cosine).toBeCloseTo(expected[i]?.[1] as number, 5);
    }
  });

  it('loads the assembled form of dot-products.wat, byte for byte (npm run build:wasm rebuilds it)', async () => {
    const { assembleDotProducts, wasmFile } = await import('../../../../scripts/assemble-wasm.ts');
    expect(Buffer.from(await assembleDotProducts()).equals(readFileSync(wasmFile))).toBe(true);
  });
});
