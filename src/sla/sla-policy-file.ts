/**
 * Reading the SLA policy file: YAML checked field by field, so that an admin's mistake is named, not guessed
 * around; what the policies then mean for a ticket is sla-policy.ts.
 *
 * Admins edit them as YAML (see `exampleSlaPoliciesYaml`, which is the built-in default):
 *
 *   calendar:                       # the desk's opening hours, used by every `calendar: business` target
 *     timeZone: Europe/London       # IANA zone name; hours and holidays are local to it
 *     workingDays: [Mon, Tue, Wed, Thu, Fri]   # Mon … Sun, or 1 (Mon) … 7 (Sun)
 *     start: '09:00'                # 'HH:MM', 24-hour clock
 *     end: '17:00'                  # 'HH:MM' after start ('24:00' for midnight)
 *     holidays: ['2026-12-25']      # optional; local dates on which the desk is closed
 *   targets:                        # all four priorities, P1 … P4
 *     P1:
 *       response: 15m               # time to first response
 *       resolution: 4h              # time to resolution
 *       calendar: always            # 'always' counts every hour; 'business' only opening hours
 *
 * Durations are whole numbers with a unit, largest first and optionally combined: `15m`, `4h`, `1h 30m`, `3d`.
 * A day (`d`) is one working day (end − start, 8 h for 09:00–17:00) for a business target and 24 h for an
 * 'always' target, so `3d` means "three business days" or "72 hours" respectively.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { type Priority, priorities } from '../model/priorities.ts';
import { type BusinessCalendar, workingDayLengthMs } from './business-calendar.ts';
import type { SlaPolicies, SlaTarget } from './sla-policy.ts';
import { isClockTime, isLocalDate, isTimeZone, minutesOfDay } from './zoned-time.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const exampleSlaPoliciesYaml = `# SLA policies. Durations: 15m, 4h, 1h 30m, 3d (a day is one working day for
# business targets, 24 h for 'always' targets).
calendar:
  timeZone: Europe/London
  workingDays: [Mon, Tue, Wed, Thu, Fri]
  start: '09:00'
  end: '17:00'
  holidays: [] # e.g. ['2026-12-25', '2026-12-28']
targets:
  P1:
    response: 15m
    resolution: 4h
    calendar: always
  P2:
    response: 30m
    resolution: 1d
    calendar: business
  P3:
    response: 4h
    resolution: 3d
    calendar: business
  P4:
    response: 1d
    resolution: 5d
    calendar: business
`;

/** A policy file that cannot be used; `problems` has one line per bad field, each starting with its path. */
export class SlaPolicyError extends Error {
  override readonly name = 'SlaPolicyError';
  constructor(readonly problems: string[]) {
    super(`SLA policies are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Zod's default for a missing key ("expected string, received undefined") reads badly to an admin. */
function says(expectation: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : expectation) };
}

const weekdayHint = 'must be Mon … Sun or 1 (Mon) … 7 (Sun)';
const shortDayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const fullDayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function isoWeekday(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 7 ? value : undefined;
  const name = value.trim().toLowerCase();
  const index = Math.max(shortDayNames.indexOf(name), fullDayNames.indexOf(name));
  return index >= 0 ? index + 1 : undefined;
}

const weekday = z.union([z.string(), z.number()], says(weekdayHint)).transform((value, ctx) => {
  const day = isoWeekday(value);
  if (day === undefined) {
    ctx.addIssue({ code: 'custom', message: weekdayHint });
    return z.NEVER;
  }
  return day;
});

const clockHint = "must be a time like '09:00' (quote it in YAML)";
const clock = z.string(says(clockHint)).refine(isClockTime, clockHint);

const calendarSchema = z
  .strictObject(
    {
      timeZone: z.string(says('must be an IANA time zone such as Europe/London')).refine(isTimeZone, {
        error: 'is not a known IANA time zone such as Europe/London',
      }),
      workingDays: z
        .array(weekday, says('must be a list such as [Mon, Tue, Wed, Thu, Fri]'))
        .min(1, 'must list at least one working day')
        .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
      start: clock,
      end: clock,
      holidays: z
        .array(
          z.string("must be a date like '2026-12-25'").refine(isLocalDate, "must be a real date like '2026-12-25'"),
          says("must be a list of dates such as ['2026-12-25']"),
        )
        .default([]),
    },
    says('must be a mapping with timeZone, workingDays, start, end and optionally holidays'),
  )
  .superRefine((c, ctx) => {
    // Zod still runs this refinement when a field above failed, so only compare times that parsed.
    if (isClockTime(c.start) && isClockTime(c.end) && minutesOfDay(c.end) <= minutesOfDay(c.start)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `must be after start (${c.start})` });
    }
  });

interface Duration {
  days: number;
  ms: number;
}

const durationHint = 'must be a duration such as 15m, 4h, 1h 30m or 3d';
const durationPattern = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?$/;

const duration = z.string(says(durationHint)).transform((text, ctx): Duration => {
  const m = durationPattern.exec(text.trim());
  if (!m || text.trim() === '') {
    ctx.addIssue({ code: 'custom', message: durationHint });
    return z.NEVER;
  }
  const [days, hours, minutes] = [Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  if (days + hours + minutes === 0) {
    ctx.addIssue({ code: 'custom', message: 'must be longer than zero' });
    return z.NEVER;
  }
  return { days, ms: hours * HOUR + minutes * MINUTE };
});

const targetSchema = z.strictObject(
  {
    response: duration,
    resolution: duration,
    calendar: z.enum(['business', 'always'], says("must be 'business' or 'always'")),
  },
  says('must be a mapping with response, resolution and calendar'),
);

const fileSchema = z
  .strictObject(
    {
      calendar: calendarSchema,
      targets: z.strictObject(
        { P1: targetSchema, P2: targetSchema, P3: targetSchema, P4: targetSchema },
        says('must be a mapping with P1, P2, P3 and P4'),
      ),
    },
    says('must be a mapping with calendar and targets'),
  )
  .transform((file, ctx): SlaPolicies => {
    const calendar: BusinessCalendar = { kind: 'business', ...file.calendar };
    const businessDayMs = workingDayLengthMs(calendar);
    const targets = {} as Record<Priority, SlaTarget>;
    for (const priority of priorities) {
      const target = file.targets[priority];
      const dayMs = target.calendar === 'business' ? businessDayMs : 24 * HOUR;
      const toMs = (d: Duration) => d.days * dayMs + d.ms;
      targets[priority] = {
        responseMs: toMs(target.response),
        resolutionMs: toMs(target.resolution),
        calendar: target.calendar,
      };
      // A response due after the resolution is almost certainly a swapped pair or a typo.
      if (targets[priority].responseMs > targets[priority].resolutionMs) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', priority, 'response'],
          message: 'must not be longer than resolution',
        });
      }
    }
    return { calendar, targets };
  });

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${fieldPath([...issue.path, key])}: is not a known field`);
  }
  const where = fieldPath(issue.path);
  return [where === '' ? issue.message : `${where}: ${issue.message}`];
}

/** Reads a policy file (YAML, format above). Throws SlaPolicyError naming every bad field. */
export function parseSlaPolicies(text: string): SlaPolicies {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new SlaPolicyError([`not valid YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (raw === null || raw === undefined) throw new SlaPolicyError(['the file is empty']);
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new SlaPolicyError(parsed.error.issues.flatMap(describeIssue));
  return parsed.data;
}
