import { describe, expect, it } from 'vitest';
import { cutText } from '../../../src/messages/cut-text.ts';

describe('cutText', () => {
  it('leaves text within the limit alone and marks a cut with an ellipsis, within the limit', () => {
    expect(cutText('printer jam', 20)).toBe('printer jam');
    expect(cutText('printer jam on floor 3', 10)).toBe('printer j…');
    expect(cutText('printer jam on floor 3', 10)).toHaveLength(10);
  });

  it('keeps an emoji, a flag, a family and an accented letter whole or leaves it out whole', () => {
    // Each of these is one character to a reader but two or more UTF-16 units.
    expect(cutText('VPN 😀😀', 6)).toBe('VPN …');
    expect(cutText('Go 🇬🇧 now', 6)).toBe('Go …');
    expect(cutText('ab👨‍👩‍👧cd', 11)).toBe('ab👨‍👩‍👧…');
    expect(cutText('ab👨‍👩‍👧cd', 10)).toBe('ab…');
    expect(cutText('cafe\u0301 au lait', 5)).toBe('caf…');
    for (const cut of [cutText('😀'.repeat(50), 7), cutText('🇬🇧'.repeat(9), 10)]) {
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(cut.length).toBeLessThanOrEqual(10);
    }
  });
});
