import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/rate-limit.ts';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, 0) + seconds * 1000);

describe('the per-person rate limit', () => {
  it('lets a person send their minute’s worth, refuses the next, and lets them go on as the minute moves', () => {
    const limit = createRateLimiter(3);
    expect([0, 1, 2, 3].map((s) => limit.allow('alice', at(s)))).toEqual([true, true, true, false]);
    // Someone else is not held up by alice.
    expect(limit.allow('bob', at(3))).toBe(true);
    // Refused tries do not push the window on: at 60.5 s the first send has left it.
    expect(limit.allow('alice', at(59))).toBe(false);
    expect(limit.allow('alice', at(60.5))).toBe(true);
    expect(limit.allow('alice', at(60.6))).toBe(false);
    expect(limit.allow('alice', at(62.5))).toBe(true);
  });

  it('limits nothing when set to 0, and keeps counting right after forgetting quiet senders', () => {
    const off = createRateLimiter(0);
    expect(Array.from({ length: 500 }, () => off.allow('alice', at(0))).every(Boolean)).toBe(true);
    const limit = createRateLimiter(2);
    for (let i = 0; i < 2000; i++) limit.allow(`person-${i}`, at(i / 100));
    expect(limit.allow('person-1999', at(20))).toBe(true);
    expect(limit.allow('person-1999', at(20))).toBe(false);
    expect(limit.allow('person-0', at(100))).toBe(true);
  });
});
