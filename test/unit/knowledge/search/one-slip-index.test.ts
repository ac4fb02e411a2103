import { describe, expect, it } from 'vitest';
import { OneSlipIndex } from '../../../../src/knowledge/search/one-slip-index.ts';

describe('finding the known word one slip away', () => {
  const index = new OneSlipIndex(['model', 'mode', 'month', 'which', 'install', 'instal', 'ab']);

  it('finds a dropped, added, changed or swapped letter', () => {
    expect(index.find('mdel')).toBe('model');
    expect(index.find('moth')).toBe('month');
    expect(index.find('whihc')).toBe('which');
    expect(index.find('wich')).toBe('which');
    expect(index.find('instaal')).toBe('instal');
  });

  it('finds nothing two slips away', () => {
    expect(index.find('mdl')).toBeUndefined();
    expect(index.find('zzzz')).toBeUndefined();
    // A four-letter word one letter from another is as likely a word of its own.
    expect(new OneSlipIndex(['mice']).find('mine')).toBeUndefined();
    expect(new OneSlipIndex(['mice']).find('mcie')).toBe('mice');
  });
});
