/**
 * Working-time arithmetic for SLA clocks.
 *
 * Working time is real elapsed time (milliseconds between instants) that falls inside a calendar's opening
 * hours. Opening hours are wall-clock times in the calendar's own time zone, so on a day when the clocks change
 * inside the window (say a 00:00–24:00 calendar) that day really does hold an hour more or less; a 09:00–17:00
 * window on a DST weekend still holds exactly 8 h on each working day.
 */

export interface BusinessCalendar {
  kind: 'business';
  /** IANA zone such as 'Europe/London'; opening hours and holidays are read in this zone. */
  timeZone: string;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Opening time, 'HH:MM' local. */
  start: string;
  /** Closing time, 'HH:MM' local, after `start`; '24:00' means open until midnight. */
  end: string;
  /** Local dates ('YYYY-MM-DD') on which the desk is closed all day. */
  holidays: string[];
}

/** A business calendar, or round-the-clock time. */
export type Calendar = BusinessCalendar | { kind: 'always' };

export const alwaysCalendar: Calendar = { kind: 'always' };

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

/**
 * Nominal length of one working day (end − start on the wall clock). Used to turn "business days" into
 * working time; it deliberately ignores DST, which only matters for windows that contain a clock change.
 */
export function workingDayLengthMs(calendar: BusinessCalendar): number {
  return (minutesOfDay(calendar.end) - minutesOfDay(calendar.start)) * MINUTE;
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

function zonedWallToUtc(wall: number, timeZone: string): number {
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

function toDateString(wall: number): string {
  const d = new Date(wall);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** A business calendar prepared for repeated per-day questions. */
interface PreparedCalendar {
  timeZone: string;
  workingDays: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  startMinutes: number;
  endMinutes: number;
}

function prepare(calendar: BusinessCalendar): PreparedCalendar {
  if (!isTimeZone(calendar.timeZone)) throw new RangeError(`unknown time zone "${calendar.timeZone}"`);
  const startMinutes = minutesOfDay(calendar.start);
  const endMinutes = minutesOfDay(calendar.end);
  if (endMinutes <= startMinutes)
    throw new RangeError(`calendar end ${calendar.end} is not after start ${calendar.start}`);
  for (const day of calendar.workingDays) {
    if (!Number.isInteger(day) || day < 1 || day > 7)
      throw new RangeError(`working day ${day} is not 1 (Mon) … 7 (Sun)`);
  }
  // Without a working day the clock never runs, and adding time would never finish.
  if (calendar.workingDays.length === 0) throw new RangeError('calendar has no working days');
  return {
    timeZone: calendar.timeZone,
    workingDays: new Set(calendar.workingDays),
    holidays: new Set(calendar.holidays),
    startMinutes,
    endMinutes,
  };
}

/** Opening hours on local day `dayWall` (its midnight as a UTC-style wall time), or null when closed. */
function windowOn(cal: PreparedCalendar, dayWall: number): { open: number; close: number } | null {
  const isoWeekday = ((new Date(dayWall).getUTCDay() + 6) % 7) + 1;
  if (!cal.workingDays.has(isoWeekday) || cal.holidays.has(toDateString(dayWall))) return null;
  const open = zonedWallToUtc(dayWall + cal.startMinutes * MINUTE, cal.timeZone);
  const close = zonedWallToUtc(dayWall + cal.endMinutes * MINUTE, cal.timeZone);
  return close > open ? { open, close } : null;
}

/** Local midnight (as a UTC-style wall time) of the day containing `instant`. */
function localMidnight(instant: number, timeZone: string): number {
  const wall = wallClockMs(instant, timeZone);
  return wall - (((wall % DAY) + DAY) % DAY);
}

function checkInstant(name: string, instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is not a valid date`);
  return t;
}

/**
 * The earliest instant by which `ms` of working time has elapsed since `from`. Time outside opening hours does
 * not count, so a clock started out of hours effectively starts at the next opening; a span that ends exactly
 * at closing time is due at closing, not at the next opening. Adding nothing returns `from` unchanged, so a
 * pause with no working time in it leaves a due time where it was.
 */
export function addWorkingTime(calendar: Calendar, from: Date, ms: number): Date {
  const start = checkInstant('from', from);
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`working time must be a finite, non-negative ms count`);
  if (calendar.kind === 'always') return new Date(start + ms);
  const cal = prepare(calendar);
  if (ms === 0) return new Date(start);

  let remaining = ms;
  // Calendar days are stepped on the wall-clock axis (always exactly 24 h there); each day's real opening and
  // closing instants are then looked up in the zone, which is where DST gets its say.
  for (let day = localMidnight(start, cal.timeZone); ; day += DAY) {
    const window = windowOn(cal, day);
    if (!window) continue;
    const segmentStart = Math.max(window.open, start);
    if (segmentStart >= window.close) continue;
    const available = window.close - segmentStart;
    if (remaining <= available) return new Date(segmentStart + remaining);
    remaining -= available;
  }
}

/** Working time, in ms, inside [from, to); 0 when `to` is not after `from`. */
export function workingTimeBetween(calendar: Calendar, from: Date, to: Date): number {
  const start = checkInstant('from', from);
  const finish = checkInstant('to', to);
  if (finish <= start) return 0;
  if (calendar.kind === 'always') return finish - start;
  const cal = prepare(calendar);

  let total = 0;
  const lastDay = localMidnight(finish, cal.timeZone);
  for (let day = localMidnight(start, cal.timeZone); day <= lastDay; day += DAY) {
    const window = windowOn(cal, day);
    if (!window) continue;
    const overlap = Math.min(window.close, finish) - Math.max(window.open, start);
    if (overlap > 0) total += overlap;
  }
  return total;
}
