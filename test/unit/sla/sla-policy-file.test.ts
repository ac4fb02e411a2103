import { describe, expect, it } from 'vitest';
import { defaultSlaPolicies, dueTimes, type SlaPolicies } from '../../../src/sla/sla-policy.ts';
import { exampleSlaPoliciesYaml, parseSlaPolicies, SlaPolicyError } from '../../../src/sla/sla-policy-file.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const at = (iso: string) => new Date(iso);

describe('defaultSlaPolicies', () => {
  it('is exactly what the example YAML says', () => {
    expect(parseSlaPolicies(exampleSlaPoliciesYaml)).toStrictEqual(defaultSlaPolicies);
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
