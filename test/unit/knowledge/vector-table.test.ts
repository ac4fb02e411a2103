import { describe, expect, it } from 'vitest';
import { VectorTable } from '../../../src/knowledge/vector-table.ts';

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
