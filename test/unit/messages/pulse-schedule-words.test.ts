import { describe, expect, it } from 'vitest';
import { scheduleInWords } from '../../../src/messages/pulse-schedule-words.ts';

describe('a pulse schedule in words', () => {
  it('reads the shapes surveys are scheduled with', () => {
    expect(scheduleInWords('0 9 * * 1')).toBe('every Monday at 09:00');
    expect(scheduleInWords('30 8 * * mon-fri')).toBe('every Monday, Tuesday, Wednesday, Thursday and Friday at 08:30');
    expect(scheduleInWords('0 9 * * 0,7')).toBe('every Sunday at 09:00');
    expect(scheduleInWords('0 14 * * *')).toBe('every day at 14:00');
    expect(scheduleInWords('0 9 1 * *')).toBe('on day 1 of every month at 09:00');
    expect(scheduleInWords('0 9 1 1,4,7,10 *')).toBe('on 1 Jan, Apr, Jul and Oct at 09:00');
    expect(scheduleInWords('0 9 1,15 jun *')).toBe('on 1 and 15 Jun at 09:00');
  });

  it('leaves anything else to be shown as written', () => {
    for (const cron of [
      '*/15 * * * *',
      '0 9-17 * * 1',
      '0 9 * 1 *',
      '0 9 1 * 1',
      '0 9 * * 1/2',
      '0 9 * * 8',
      'nonsense',
    ])
      expect(scheduleInWords(cron), cron).toBeUndefined();
  });
});
