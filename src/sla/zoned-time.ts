/**
 * Wall-clock readings in a time zone ('YYYY-MM-DD', 'HH:MM' in an IANA zone) and the UTC instants they name,
 * both ways. Kept apart from working-time arithmetic because it is the part that has to get DST right:
 * offsets are read from the runtime's time-zone data, never assumed, so gaps and overlaps fall where they do.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const clockTime = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const localDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for 'HH:MM' from 00:00 to 24:00. */
export function isClockTime(value: string): boolean {
  return clockTime.test(value);
}

/** True for a 'YYYY-MM-DD' that names a real day. */
export function isLocalDate(value: string): boolean {
  const m = localDate.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** True when the runtime's time-zone data knows `timeZone`. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes after local midnight for an 'HH:MM' time (24:00 gives 1440). */
export function minutesOfDay(time: string): number {
  const m = clockTime.exec(time);
  if (!m) throw new RangeError(`"${time}" is not a time of day like 09:00`);
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4]);
}

// Building a formatter is far slower than using one, and the arithmetic below formats several instants per day.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // iso8601 is the proleptic Gregorian calendar that Date uses; ICU's 'gregory' switches to Julian before 1582.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'iso8601',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall-clock reading at `instant`, expressed as if that reading were a UTC time. */
function wallClockMs(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  // Some ICU versions still print midnight as 24 even with h23.
  const hour = (fields.hour ?? 0) % 24;
  const wall = new Date(0);
  wall.setUTCFullYear(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1);
  wall.setUTCHours(hour, fields.minute ?? 0, fields.second ?? 0, 0);
  return wall.getTime();
}

/** Offset of local time from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  // Formatting drops milliseconds, so compare against the instant truncated to its second.
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

function wallMs(date: string, time: string): number {
  const m = localDate.exec(date);
  if (!m || !isLocalDate(date)) throw new RangeError(`"${date}" is not a date like 2026-03-29`);
  const minutes = minutesOfDay(time);
  const wall = new Date(0);
  wall.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return wall.getTime() + minutes * MINUTE;
}

/** The UTC instant of wall-clock reading `wall` (a UTC-style wall time) in `timeZone`; see zonedTimeToUtc. */
export function zonedWallToUtc(wall: number, timeZone: string): number {
  // A day either side is far enough to see the offsets on both sides of any single transition near `wall`.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const valid = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  // Nothing reads `wall`: it is in a spring-forward gap. Keeping the pre-change offset lands the same distance
  // past the change as the wall time was past it, i.e. 01:30 in a 01:00→02:00 gap becomes 02:30.
  return wall - before;
}

/**
 * The UTC instant at which clocks in `timeZone` read `date` `time`. A time skipped by a spring-forward change
 * moves forward by the size of the gap; a time that happens twice in an autumn overlap gives the earlier one.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  return new Date(zonedWallToUtc(wallMs(date, time), timeZone));
}

/** The local date ('YYYY-MM-DD') in `timeZone` at `instant`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return toDateString(wallClockMs(instant.getTime(), timeZone));
}

/** 'YYYY-MM-DD' of a UTC-style wall time. */
export function toDateString(wall: number): string {
  const d = new Date(wall);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Local midnight (as a UTC-style wall time) of the day containing `instant`. */
export function localMidnight(instant: number, timeZone: string): number {
  const wall = wallClockMs(instant, timeZone);
  return wall - (((wall % DAY) + DAY) % DAY);
}
