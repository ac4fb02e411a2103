import { describe, expect, it } from 'vitest';
import {
  calendarFor,
  defaultSlaPolicies,
  dueTimes,
  exampleSlaPoliciesYaml,
  parseSlaPolicies,
  type SlaPolicies,
  SlaPolicyError,
  shiftForPause,
} from '../../../src/sla/sla-policy.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const at = (iso: string) => new Date(iso);

describe('defaultSlaPolicies', () => {
  it('has the agreed targets on a Mon–Fri 09:00–17:00 London calendar', () => {
    expect(defaultSlaPolicies.calendar).toEqual({
      kind: 'business',
      timeZone: 'Europe/London',
      workingDays: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '17:00',
      holidays: [],
    });
    expect(defaultSlaPolicies.targets).toEqual({
      P1: { responseMs: 15 * MINUTE, resolutionMs: 4 * HOUR, calendar: 'always' },
      P2: { responseMs: 30 * MINUTE, resolutionMs: 8 * HOUR, calendar: 'business' },
      P3: { responseMs: 4 * HOUR, resolutionMs: 24 * HOUR, calendar: 'business' },
      P4: { responseMs: 8 * HOUR, resolutionMs: 40 * HOUR, calendar: 'business' },
    });
  });

  it('is exactly what the example YAML says', () => {
    expect(parseSlaPolicies(exampleSlaPoliciesYaml)).toStrictEqual(defaultSlaPolicies);
  });

  it('uses the 24/7 calendar for P1 only', () => {
    expect(calendarFor(defaultSlaPolicies, 'P1')).toEqual({ kind: 'always' });
    expect(calendarFor(defaultSlaPolicies, 'P2')).toBe(defaultSlaPolicies.calendar);
  });
});

describe('dueTimes and shiftForPause: the acceptance case', () => {
  it('P2 opened Friday 16:00 is due Monday 16:00; a 2 h pause on Monday moves it to Tuesday 10:00', () => {
    // June 2026 is BST (UTC+1): Friday 12 June 16:00 local is 15:00Z.
    const due = dueTimes(defaultSlaPolicies, 'P2', at('2026-06-12T15:00:00Z'));
    expect(due.responseDueAt.toISOString()).toBe('2026-06-12T15:30:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-06-15T15:00:00.000Z'); // Monday 16:00 BST

    // Waiting on the requester Monday 10:00–12:00 local: Monday 16:00 + 2 business hours is Tuesday 10:00,
    // not Monday 18:00 (after closing).
    const shifted = shiftForPause(
      defaultSlaPolicies,
      'P2',
      due.resolutionDueAt,
      at('2026-06-15T09:00:00Z'),
      at('2026-06-15T11:00:00Z'),
    );
    expect(shifted.toISOString()).toBe('2026-06-16T09:00:00.000Z'); // Tuesday 10:00 BST
  });

  it('works the same in winter, when London is on UTC', () => {
    const due = dueTimes(defaultSlaPolicies, 'P2', at('2026-01-09T16:00:00Z'));
    expect(due.resolutionDueAt.toISOString()).toBe('2026-01-12T16:00:00.000Z');
    const shifted = shiftForPause(
      defaultSlaPolicies,
      'P2',
      due.resolutionDueAt,
      at('2026-01-12T10:00:00Z'),
      at('2026-01-12T12:00:00Z'),
    );
    expect(shifted.toISOString()).toBe('2026-01-13T10:00:00.000Z');
  });
});

describe('dueTimes', () => {
  it('runs P1 round the clock, weekends included', () => {
    const due = dueTimes(defaultSlaPolicies, 'P1', at('2026-06-13T02:00:00Z'));
    expect(due.responseDueAt.toISOString()).toBe('2026-06-13T02:15:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-06-13T06:00:00.000Z');
  });

  it('gives P3 three business days to resolve', () => {
    // Wednesday 14 January 13:00: 4 h response ends at closing; 24 h is Wed 4 + Thu 8 + Fri 8 + Mon 4.
    const due = dueTimes(defaultSlaPolicies, 'P3', at('2026-01-14T13:00:00Z'));
    expect(due.responseDueAt.toISOString()).toBe('2026-01-14T17:00:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-01-19T13:00:00.000Z');
  });

  it('gives P4 one business day to respond and a working week to resolve', () => {
    const due = dueTimes(defaultSlaPolicies, 'P4', at('2026-01-12T09:00:00Z'));
    expect(due.responseDueAt.toISOString()).toBe('2026-01-12T17:00:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-01-16T17:00:00.000Z');
  });

  it('starts business clocks at the next opening for tickets opened out of hours', () => {
    // Saturday 10 January: the clock starts Monday 09:00.
    const due = dueTimes(defaultSlaPolicies, 'P2', at('2026-01-10T11:00:00Z'));
    expect(due.responseDueAt.toISOString()).toBe('2026-01-12T09:30:00.000Z');
    expect(due.resolutionDueAt.toISOString()).toBe('2026-01-12T17:00:00.000Z');
  });
});

describe('shiftForPause', () => {
  const due = at('2026-01-14T12:00:00Z');

  it('does not move a business clock for a pause outside working hours', () => {
    const weekend = shiftForPause(
      defaultSlaPolicies,
      'P3',
      due,
      at('2026-01-10T08:00:00Z'),
      at('2026-01-12T09:00:00Z'),
    );
    expect(weekend.toISOString()).toBe(due.toISOString());
  });

  it('counts only the working part of an overnight pause', () => {
    // Monday 16:00 → Tuesday 10:00 holds 2 working hours.
    const shifted = shiftForPause(
      defaultSlaPolicies,
      'P3',
      due,
      at('2026-01-12T16:00:00Z'),
      at('2026-01-13T10:00:00Z'),
    );
    expect(shifted.toISOString()).toBe('2026-01-14T14:00:00.000Z');
  });

  it('moves a 24/7 clock by the whole pause', () => {
    const shifted = shiftForPause(
      defaultSlaPolicies,
      'P1',
      due,
      at('2026-01-10T08:00:00Z'),
      at('2026-01-12T09:00:00Z'),
    );
    expect(shifted.toISOString()).toBe('2026-01-16T13:00:00.000Z');
  });

  it('ignores a pause that ends before it starts', () => {
    const shifted = shiftForPause(
      defaultSlaPolicies,
      'P2',
      due,
      at('2026-01-13T12:00:00Z'),
      at('2026-01-13T10:00:00Z'),
    );
    expect(shifted.toISOString()).toBe(due.toISOString());
  });
});

describe('parseSlaPolicies', () => {
  const custom = `
calendar:
  timeZone: America/New_York
  workingDays: [1, 2, 3, Thursday, fri, Sat]
  start: 10:00        # unquoted is fine: YAML 1.2 reads it as text
  end: '16:00'
  holidays: ['2026-07-03', '2026-11-26']
targets:
  P1: { response: 1h 30m, resolution: 1d, calendar: always }
  P2: { response: 45m, resolution: 2d, calendar: business }
  P3: { response: 1d, resolution: 1d 3h, calendar: business }
  P4: { response: 2d, resolution: 10d, calendar: business }
`;

  it('reads day names or numbers, holidays, and days of the calendar’s own length', () => {
    const policies: SlaPolicies = parseSlaPolicies(custom);
    expect(policies.calendar).toEqual({
      kind: 'business',
      timeZone: 'America/New_York',
      workingDays: [1, 2, 3, 4, 5, 6],
      start: '10:00',
      end: '16:00',
      holidays: ['2026-07-03', '2026-11-26'],
    });
    expect(policies.targets).toEqual({
      P1: { responseMs: 90 * MINUTE, resolutionMs: 24 * HOUR, calendar: 'always' },
      P2: { responseMs: 45 * MINUTE, resolutionMs: 12 * HOUR, calendar: 'business' },
      P3: { responseMs: 6 * HOUR, resolutionMs: 9 * HOUR, calendar: 'business' },
      P4: { responseMs: 12 * HOUR, resolutionMs: 60 * HOUR, calendar: 'business' },
    });
    // Thursday 2 July 15:00 EDT + 2 business days (12 h): Thu 1 h, Friday 3 July is a holiday, Sat 6 h, Mon 5 h.
    expect(dueTimes(policies, 'P2', at('2026-07-02T19:00:00Z')).resolutionDueAt.toISOString()).toBe(
      '2026-07-06T19:00:00.000Z',
    );
  });

  it('defaults holidays to none', () => {
    const text = exampleSlaPoliciesYaml.replace(/^ {2}holidays:.*\n/m, '');
    expect(text).not.toContain('holidays:');
    expect(parseSlaPolicies(text).calendar.holidays).toEqual([]);
  });

  function problemsOf(text: string): string[] {
    try {
      parseSlaPolicies(text);
    } catch (error) {
      expect(error).toBeInstanceOf(SlaPolicyError);
      return (error as SlaPolicyError).problems;
    }
    throw new Error('expected the policies to be rejected');
  }

  const edit = (from: string | RegExp, to: string) => {
    const text = exampleSlaPoliciesYaml.replace(from, to);
    expect(text).not.toBe(exampleSlaPoliciesYaml);
    return text;
  };

  it('names the bad field', () => {
    expect(problemsOf(edit('resolution: 1d', 'resolution: 8 hours'))).toEqual([
      'targets.P2.resolution: must be a duration such as 15m, 4h, 1h 30m or 3d',
    ]);
    expect(problemsOf(edit('response: 30m', 'response: 30'))).toEqual([
      'targets.P2.response: must be a duration such as 15m, 4h, 1h 30m or 3d',
    ]);
    expect(problemsOf(edit('response: 15m', 'response: 0m'))).toEqual([
      'targets.P1.response: must be longer than zero',
    ]);
    expect(problemsOf(edit('calendar: always', 'calendar: weekdays'))).toEqual([
      "targets.P1.calendar: must be 'business' or 'always'",
    ]);
    expect(problemsOf(edit("start: '09:00'", "start: '9am'"))).toEqual([
      "calendar.start: must be a time like '09:00' (quote it in YAML)",
    ]);
    expect(problemsOf(edit("end: '17:00'", "end: '08:00'"))).toEqual(['calendar.end: must be after start (09:00)']);
    expect(problemsOf(edit('Fri]', 'Fry]'))).toEqual([
      'calendar.workingDays[4]: must be Mon … Sun or 1 (Mon) … 7 (Sun)',
    ]);
    expect(problemsOf(edit('Europe/London', 'Europe/Londn'))).toEqual([
      'calendar.timeZone: is not a known IANA time zone such as Europe/London',
    ]);
    expect(problemsOf(edit('holidays: []', "holidays: ['2026-02-30']"))).toEqual([
      "calendar.holidays[0]: must be a real date like '2026-12-25'",
    ]);
    expect(problemsOf(edit('response: 4h', 'response: 4d'))).toEqual([
      'targets.P3.response: must not be longer than resolution',
    ]);
  });

  it('names missing and unknown fields, all at once', () => {
    expect(problemsOf(edit('    calendar: always', '    calender: always'))).toEqual([
      'targets.P1.calendar: is missing',
      'targets.P1.calender: is not a known field',
    ]);
    expect(problemsOf(edit(/ {2}P4:[\s\S]*$/, '').replace('  timeZone: Europe/London\n', ''))).toEqual([
      'calendar.timeZone: is missing',
      'targets.P4: is missing',
    ]);
  });

  it('rejects text that is not a policy file', () => {
    expect(problemsOf('')).toEqual(['the file is empty']);
    expect(problemsOf('- just\n- a list\n')).toEqual(['must be a mapping with calendar and targets']);
    expect(problemsOf('calendar: [')[0]).toMatch(/^not valid YAML: /);
  });

  it('puts every problem in the error message', () => {
    expect(() => parseSlaPolicies(edit('resolution: 4h', 'resolution: soon'))).toThrow(
      /SLA policies are not valid:\n {2}- targets\.P1\.resolution: must be a duration/,
    );
  });
});
