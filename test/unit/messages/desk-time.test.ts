import { describe, expect, it } from 'vitest';
import { toDeskTime } from '../../../src/messages/desk-time.ts';

describe('times in the desk time zone, in words', () => {
  const at = new Date('2026-12-01T21:51:00Z');

  it('reads a moment the way people at the desk say it', () => {
    expect(toDeskTime(at, 'UTC')).toBe('Tue 1 Dec 21:51');
    expect(toDeskTime(at, 'Europe/Berlin')).toBe('Tue 1 Dec 22:51');
    expect(toDeskTime(at, 'America/New_York')).toBe('Tue 1 Dec 16:51');
  });

  it('says the year only when it is not this one', () => {
    expect(toDeskTime(at, 'UTC', new Date('2026-12-31T12:00:00Z'))).toBe('Tue 1 Dec 21:51');
    expect(toDeskTime(at, 'UTC', new Date('2027-01-02T12:00:00Z'))).toBe('Tue 1 Dec 2026 21:51');
  });
});
