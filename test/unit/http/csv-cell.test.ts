import { describe, expect, it } from 'vitest';
import { toCsvCell } from '../../../src/http/csv-cell.ts';

describe('an export cell', () => {
  it.each([
    ['=HYPERLINK("http://x.test","hi")', `'=HYPERLINK("http://x.test","hi")`],
    ['+1 for a second monitor', `'+1 for a second monitor`],
    ['-2 stars', `'-2 stars`],
    ['@here help', `'@here help`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['a = b', 'a = b'],
    ['', ''],
  ])('text %j becomes %j', (given, cell) => {
    expect(toCsvCell(given)).toBe(cell);
  });

  it('leaves numbers, true/false and times as they are, and null empty', () => {
    expect(toCsvCell(-0.5)).toBe('-0.5');
    expect(toCsvCell(42)).toBe('42');
    expect(toCsvCell(false)).toBe('false');
    expect(toCsvCell(new Date('2026-11-23T09:00:00Z'))).toBe('2026-11-23T09:00:00.000Z');
    expect(toCsvCell(null)).toBe('');
    expect(toCsvCell(undefined)).toBe('');
  });
});
