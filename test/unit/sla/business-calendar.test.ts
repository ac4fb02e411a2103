import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  type BusinessCalendar,
  type Calendar,
  workingDayLengthMs,
  workingTimeBetween,
} from '../../../src/sla/business-calendar.ts';
import { localDateOf, zonedTimeToUtc } from '../../../src/sla/zoned-time.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function officeHours(timeZone: string, holidays: string[] = []): BusinessCalendar {
  return { kind: 'business', timeZone, workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', holidays };
}

const london = officeHours('Europe/London');
const newYork = officeHours('America/New_York');
const always: Calendar = { kind: 'always' };

function add(calendar: Calendar, from: string, ms: number): string {
  return addWorkingTime(calendar, new Date(from), ms).toISOString();
}

function between(calendar: Calendar, from: string, to: string): number {
  return workingTimeBetween(calendar, new Date(from), new Date(to));
}

describe('zonedTimeToUtc', () => {
  it('applies the winter and summer offsets', () => {
    expect(zonedTimeToUtc('2026-01-15', '09:00', 'Europe/London').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(zonedTimeToUtc('2026-06-15', '09:00', 'Europe/London').toISOString()).toBe('2026-06-15T08:00:00.000Z');
    expect(zonedTimeToUtc('2026-01-15', '09:00', 'America/New_York').toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedTimeToUtc('2026-06-15', '09:00', 'America/New_York').toISOString()).toBe('2026-06-15T13:00:00.000Z');
    expect(zonedTimeToUtc('2026-06-15', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-06-15T03:30:00.000Z');
  });

  it('moves a time in the London spring-forward gap (01:00–02:00 on 29 March 2026) forward', () => {
    expect(zonedTimeToUtc('2026-03-29', '00:59', 'Europe/London').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    // 01:00 and 01:30 never appear on the clock; they become 02:00 and 02:30 BST.
    expect(zonedTimeToUtc('2026-03-29', '01:00', 'Europe/London').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedTimeToUtc('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedTimeToUtc('2026-03-29', '02:00', 'Europe/London').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedTimeToUtc('2026-03-29', '02:30', 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the earlier instant in the London autumn overlap (01:00–02:00 twice on 25 October 2026)', () => {
    expect(zonedTimeToUtc('2026-10-25', '00:30', 'Europe/London').toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(zonedTimeToUtc('2026-10-25', '01:00', 'Europe/London').toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(zonedTimeToUtc('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedTimeToUtc('2026-10-25', '02:00', 'Europe/London').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('handles the New York gap (8 March 2026) and overlap (1 November 2026)', () => {
    expect(zonedTimeToUtc('2026-03-08', '01:59', 'America/New_York').toISOString()).toBe('2026-03-08T06:59:00.000Z');
    expect(zonedTimeToUtc('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedTimeToUtc('2026-03-08', '03:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedTimeToUtc('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(zonedTimeToUtc('2026-11-01', '02:00', 'America/New_York').toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('handles a change at midnight, where the day itself starts in the gap', () => {
    // Chile springs forward from 00:00 to 01:00 on 6 September 2026.
    expect(zonedTimeToUtc('2026-09-06', '00:00', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(zonedTimeToUtc('2026-09-06', '01:00', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('reads 24:00 as the following midnight', () => {
    expect(zonedTimeToUtc('2026-06-12', '24:00', 'Europe/London').toISOString()).toBe('2026-06-12T23:00:00.000Z');
  });

  it('rejects malformed input', () => {
    expect(() => zonedTimeToUtc('2026-02-30', '09:00', 'Europe/London')).toThrow(/2026-02-30/);
    expect(() => zonedTimeToUtc('2026-02-03', '9:00', 'Europe/London')).toThrow(/9:00/);
    expect(() => zonedTimeToUtc('2026-02-03', '24:30', 'Europe/London')).toThrow(/24:30/);
    expect(() => zonedTimeToUtc('2026-02-03', '09:00', 'Europe/Londn')).toThrow(RangeError);
  });
});

describe('localDateOf and workingDayLengthMs', () => {
  it('gives the local date, which can differ from the UTC date', () => {
    expect(localDateOf(new Date('2026-06-12T23:30:00Z'), 'Europe/London')).toBe('2026-06-13');
    expect(localDateOf(new Date('2026-06-13T02:30:00Z'), 'America/New_York')).toBe('2026-06-12');
  });

  it('measures the nominal working day', () => {
    expect(workingDayLengthMs(london)).toBe(8 * HOUR);
    expect(workingDayLengthMs({ ...london, start: '08:30', end: '24:00' })).toBe(15.5 * HOUR);
  });
});

describe('addWorkingTime on a 24/7 calendar', () => {
  it('is plain addition, DST or not', () => {
    expect(add(always, '2026-01-10T12:00:00Z', 4 * HOUR)).toBe('2026-01-10T16:00:00.000Z');
    expect(add(always, '2026-03-28T23:00:00Z', 4 * HOUR)).toBe('2026-03-29T03:00:00.000Z');
    expect(add(always, '2026-01-09T16:00:00Z', 30 * 24 * HOUR)).toBe('2026-02-08T16:00:00.000Z');
    expect(between(always, '2026-03-28T23:00:00Z', '2026-03-29T03:00:00Z')).toBe(4 * HOUR);
  });
});

describe('addWorkingTime on Mon–Fri 09:00–17:00 (Europe/London)', () => {
  // January 2026: London is on GMT, so local time equals UTC. 5 January is a Monday.
  it('adds within a single day', () => {
    expect(add(london, '2026-01-12T10:00:00Z', 3 * HOUR)).toBe('2026-01-12T13:00:00.000Z');
  });

  it('carries over the weekend: Friday 16:00 + 8 h is Monday 16:00', () => {
    expect(add(london, '2026-01-09T16:00:00Z', 8 * HOUR)).toBe('2026-01-12T16:00:00.000Z');
  });

  it('ends at closing time when the time runs out exactly then', () => {
    expect(add(london, '2026-01-12T16:00:00Z', HOUR)).toBe('2026-01-12T17:00:00.000Z');
    expect(add(london, '2026-01-09T09:00:00Z', 8 * HOUR)).toBe('2026-01-09T17:00:00.000Z');
  });

  it('starts the clock at the next opening when started at exactly 17:00', () => {
    expect(add(london, '2026-01-12T17:00:00Z', HOUR)).toBe('2026-01-13T10:00:00.000Z');
    expect(add(london, '2026-01-12T17:00:00Z', MINUTE)).toBe('2026-01-13T09:01:00.000Z');
  });

  it('counts from exactly 09:00', () => {
    expect(add(london, '2026-01-13T09:00:00Z', MINUTE)).toBe('2026-01-13T09:01:00.000Z');
  });

  it('starts the clock at opening when started before opening', () => {
    expect(add(london, '2026-01-13T07:15:00Z', 30 * MINUTE)).toBe('2026-01-13T09:30:00.000Z');
    expect(add(london, '2026-01-13T00:00:00Z', 8 * HOUR)).toBe('2026-01-13T17:00:00.000Z');
  });

  it('starts the clock the next morning when started after closing', () => {
    expect(add(london, '2026-01-13T19:45:00Z', 30 * MINUTE)).toBe('2026-01-14T09:30:00.000Z');
    expect(add(london, '2026-01-09T18:00:00Z', HOUR)).toBe('2026-01-12T10:00:00.000Z');
  });

  it('starts the clock on Monday when started at the weekend', () => {
    expect(add(london, '2026-01-10T12:00:00Z', HOUR)).toBe('2026-01-12T10:00:00.000Z');
    expect(add(london, '2026-01-11T23:59:00Z', HOUR)).toBe('2026-01-12T10:00:00.000Z');
  });

  it('returns the start unchanged when adding nothing, even out of hours', () => {
    expect(add(london, '2026-01-10T12:00:00Z', 0)).toBe('2026-01-10T12:00:00.000Z');
  });

  it('skips a Monday holiday', () => {
    // 31 August 2026 is the summer bank holiday; BST, so local = UTC + 1.
    const withHoliday = officeHours('Europe/London', ['2026-08-31']);
    expect(add(withHoliday, '2026-08-28T15:00:00Z', 8 * HOUR)).toBe('2026-09-01T15:00:00.000Z');
    expect(add(london, '2026-08-28T15:00:00Z', 8 * HOUR)).toBe('2026-08-31T15:00:00.000Z');
    expect(between(withHoliday, '2026-08-28T08:00:00Z', '2026-09-02T08:00:00Z')).toBe(16 * HOUR);
  });

  it('skips holidays either side of a weekend', () => {
    const christmas = officeHours('Europe/London', ['2026-12-25', '2026-12-28']);
    expect(add(christmas, '2026-12-24T16:00:00Z', 2 * HOUR)).toBe('2026-12-29T10:00:00.000Z');
  });

  it('spans multiple weeks', () => {
    // 3 weeks and 2 hours from Wednesday 14:00.
    expect(add(london, '2026-01-14T14:00:00Z', (3 * 40 + 2) * HOUR)).toBe('2026-02-04T16:00:00.000Z');
    // Ten full weeks from Monday 2 February end on Friday 10 April at 17:00 BST, past the March clock change.
    expect(add(london, '2026-02-02T09:00:00Z', 10 * 40 * HOUR)).toBe('2026-04-10T16:00:00.000Z');
  });

  it('spans two years in one call', () => {
    // 104 weeks of working time from Monday 5 January 2026 end on Friday 31 December 2027 at 17:00 GMT.
    expect(add(london, '2026-01-05T09:00:00Z', 104 * 40 * HOUR)).toBe('2027-12-31T17:00:00.000Z');
    expect(between(london, '2026-01-05T09:00:00Z', '2027-12-31T17:00:00Z')).toBe(104 * 40 * HOUR);
  });

  it('honours other working days', () => {
    const sundayToThursday: BusinessCalendar = { ...london, workingDays: [7, 1, 2, 3, 4] };
    // Thursday 15 January 16:00 + 2 h: Thursday's last hour, then Sunday 18 January 10:00.
    expect(add(sundayToThursday, '2026-01-15T16:00:00Z', 2 * HOUR)).toBe('2026-01-18T10:00:00.000Z');
  });

  it('rejects impossible calendars and amounts', () => {
    expect(() => add({ ...london, workingDays: [] }, '2026-01-12T10:00:00Z', HOUR)).toThrow(/no working days/);
    expect(() => add({ ...london, end: '09:00' }, '2026-01-12T10:00:00Z', HOUR)).toThrow(/not after start/);
    expect(() => add({ ...london, workingDays: [0] }, '2026-01-12T10:00:00Z', HOUR)).toThrow(/working day 0/);
    expect(() => add({ ...london, timeZone: 'Mars/Olympus' }, '2026-01-12T10:00:00Z', HOUR)).toThrow(/Mars/);
    expect(() => add(london, '2026-01-12T10:00:00Z', -1)).toThrow(RangeError);
    expect(() => add(london, '2026-01-12T10:00:00Z', Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addWorkingTime(london, new Date('nonsense'), HOUR)).toThrow(/from/);
  });
});

describe('working time across DST', () => {
  it('Europe/London spring forward (Sunday 29 March 2026): two working days are still exactly 16 h', () => {
    // Friday 27 March 09:00 GMT → Monday 30 March 17:00 BST.
    expect(add(london, '2026-03-27T09:00:00Z', 16 * HOUR)).toBe('2026-03-30T16:00:00.000Z');
    expect(between(london, '2026-03-27T09:00:00Z', '2026-03-30T16:00:00Z')).toBe(16 * HOUR);
    expect(add(london, '2026-03-27T16:00:00Z', 2 * HOUR)).toBe('2026-03-30T09:00:00.000Z');
  });

  it('Europe/London fall back (Sunday 25 October 2026): two working days are still exactly 16 h', () => {
    // Friday 23 October 09:00 BST → Monday 26 October 17:00 GMT.
    expect(add(london, '2026-10-23T08:00:00Z', 16 * HOUR)).toBe('2026-10-26T17:00:00.000Z');
    expect(between(london, '2026-10-23T08:00:00Z', '2026-10-26T17:00:00Z')).toBe(16 * HOUR);
  });

  it('America/New_York spring forward (Sunday 8 March 2026) and fall back (Sunday 1 November 2026)', () => {
    // Friday 6 March 09:00 EST → Monday 9 March 17:00 EDT.
    expect(add(newYork, '2026-03-06T14:00:00Z', 16 * HOUR)).toBe('2026-03-09T21:00:00.000Z');
    expect(between(newYork, '2026-03-06T14:00:00Z', '2026-03-09T21:00:00Z')).toBe(16 * HOUR);
    // Friday 30 October 09:00 EDT → Monday 2 November 17:00 EST.
    expect(add(newYork, '2026-10-30T13:00:00Z', 16 * HOUR)).toBe('2026-11-02T22:00:00.000Z');
    expect(between(newYork, '2026-10-30T13:00:00Z', '2026-11-02T22:00:00Z')).toBe(16 * HOUR);
  });

  it('counts a whole DST week as exactly its working days', () => {
    // Monday 23 March to Tuesday 31 March local midnight: six working days.
    expect(between(london, '2026-03-23T00:00:00Z', '2026-03-30T23:00:00Z')).toBe(6 * 8 * HOUR);
    expect(between(newYork, '2026-03-02T05:00:00Z', '2026-03-10T04:00:00Z')).toBe(6 * 8 * HOUR);
  });

  it('gives a clock-change day its real length when the window contains the change', () => {
    const allDay: BusinessCalendar = { ...london, workingDays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' };
    const day = (date: string) => zonedTimeToUtc(date, '00:00', 'Europe/London');
    expect(workingTimeBetween(allDay, day('2026-03-29'), day('2026-03-30'))).toBe(23 * HOUR);
    expect(workingTimeBetween(allDay, day('2026-10-25'), day('2026-10-26'))).toBe(25 * HOUR);
    expect(add(allDay, '2026-03-29T00:00:00Z', 24 * HOUR)).toBe('2026-03-30T00:00:00.000Z');

    // Sundays 02:00–10:00 in New York: on 8 March 02:00 does not exist, so the window opens at 03:00 EDT.
    const earlySundays: BusinessCalendar = { ...newYork, workingDays: [7], start: '02:00', end: '10:00' };
    expect(between(earlySundays, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(7 * HOUR);
    expect(between(earlySundays, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toBe(8 * HOUR);
  });
});

describe('workingTimeBetween', () => {
  it('is 0 for empty or reversed spans and for spans entirely out of hours', () => {
    expect(between(london, '2026-01-12T10:00:00Z', '2026-01-12T10:00:00Z')).toBe(0);
    expect(between(london, '2026-01-12T12:00:00Z', '2026-01-12T10:00:00Z')).toBe(0);
    expect(between(always, '2026-01-12T12:00:00Z', '2026-01-12T10:00:00Z')).toBe(0);
    expect(between(london, '2026-01-09T17:00:00Z', '2026-01-12T09:00:00Z')).toBe(0);
  });

  it('counts partial days at both ends', () => {
    expect(between(london, '2026-01-12T16:30:00Z', '2026-01-13T09:45:00Z')).toBe(75 * MINUTE);
  });

  it.each([
    // [calendar, from, working time, expected end]
    [london, '2026-01-07T11:23:00Z', 7 * HOUR + 41 * MINUTE, '2026-01-08T11:04:00.000Z'],
    [london, '2026-01-10T03:17:00Z', 13 * HOUR + 5 * MINUTE, '2026-01-13T14:05:00.000Z'],
    [london, '2026-02-13T16:59:30Z', 45 * SECOND, '2026-02-16T09:00:15.000Z'],
    [london, '2026-06-03T06:10:00Z', 19 * HOUR + 20 * MINUTE, '2026-06-05T11:20:00.000Z'],
    [newYork, '2026-03-05T20:45:00Z', 11 * HOUR + 30 * MINUTE, '2026-03-09T15:15:00.000Z'],
    [newYork, '2026-10-31T12:00:00Z', HOUR, '2026-11-02T15:00:00.000Z'],
    [newYork, '2026-07-02T18:07:13Z', 57 * HOUR + 19 * MINUTE + 11 * SECOND, '2026-07-13T19:26:24.000Z'],
  ] as const)('is the inverse of addWorkingTime (%#)', (calendar, from, ms, expected) => {
    expect(add(calendar, from, ms)).toBe(expected);
    expect(between(calendar, from, expected)).toBe(ms);
  });

  it('round-trips on a fixed pseudo-random sweep', () => {
    const random = mulberry32(20260329);
    const calendars = [london, newYork, officeHours('Europe/London', ['2026-03-30', '2026-04-03', '2026-10-26'])];
    for (let i = 0; i < 300; i++) {
      const calendar = calendars[i % calendars.length]!;
      const from = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 330 * 24 * 60) * MINUTE);
      const ms = Math.floor(random() * 120 * 60) * MINUTE;
      const due = addWorkingTime(calendar, from, ms);
      expect(workingTimeBetween(calendar, from, due)).toBe(ms);

      // The other way round: measuring up to any instant and adding that back lands on or before it, with no
      // working time left in between.
      const to = new Date(from.getTime() + Math.floor(random() * 20 * 24 * 60) * MINUTE);
      const measured = workingTimeBetween(calendar, from, to);
      const back = addWorkingTime(calendar, from, measured);
      expect(back.getTime()).toBeLessThanOrEqual(to.getTime());
      expect(workingTimeBetween(calendar, back, to)).toBe(0);
      expect(workingTimeBetween(calendar, from, back)).toBe(measured);
    }
  });

  it('agrees with a minute-by-minute count across DST weeks', () => {
    const withHoliday = officeHours('Europe/London', ['2026-10-26']);
    const cases: [BusinessCalendar, string, string][] = [
      [london, '2026-03-25T10:17:00Z', '2026-04-01T13:03:00Z'],
      [withHoliday, '2026-10-21T00:00:00Z', '2026-10-29T16:31:00Z'],
      [newYork, '2026-03-04T22:00:00Z', '2026-03-11T15:59:00Z'],
      [newYork, '2026-10-28T13:30:00Z', '2026-11-04T18:00:00Z'],
    ];
    for (const [calendar, from, to] of cases) {
      expect(between(calendar, from, to)).toBe(countMinutes(calendar, new Date(from), new Date(to)) * MINUTE);
    }
  });
});

/** Deliberately naive reference: asks the zone about every single minute. */
function countMinutes(calendar: BusinessCalendar, from: Date, to: Date): number {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: calendar.timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  let count = 0;
  for (let t = from.getTime(); t < to.getTime(); t += MINUTE) {
    const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    const time = `${parts.hour}:${parts.minute}`;
    const isoDay = weekdays.indexOf(parts.weekday ?? '') + 1;
    if (
      calendar.workingDays.includes(isoDay) &&
      !calendar.holidays.includes(date) &&
      time >= calendar.start &&
      time < calendar.end
    ) {
      count++;
    }
  }
  return count;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
