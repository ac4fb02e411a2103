import { describe, expect, it } from 'vitest';
import { editDistanceWithin } from '../../../../src/knowledge/search/edit-distance.ts';

describe('editDistanceWithin', () => {
  it.each([
    ['pasword', 'password', 1, true],
    ['pasword', 'password', 0, false],
    ['recieve', 'receive', 1, true],
    ['recipe', 'receipt', 1, false],
    ['recipe', 'receipt', 2, true],
    ['vpn', 'vpn', 0, true],
    ['', 'ab', 1, false],
    ['printr', 'printer', 1, true],
  ])('%s → %s within %i: %s', (a, b, max, expected) => {
    expect(editDistanceWithin(a, b, max)).toBe(expected);
  });
});
