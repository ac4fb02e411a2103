/**
 * Working-time arithmetic for SLA clocks.
 *
 * Working time is real elapsed time (milliseconds between instants) that falls inside a calendar's opening
 * hours. Opening hours are wall-clock times in the calendar's own time zone, so on a day when the clocks change
 * inside the window (say a 00:00–24:00 calendar) that day really does hold an hour more or less; a 09:00–17:00
 * window on a DST weekend still holds exactly 8 h on each working day. Reading those wall-clock times in the
 * zone is zoned-time.ts.
 */
import { isTimeZone, localMidnight, minutesOfDay, toDateString, zonedWallToUtc } from './zoned-time.ts';

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

/**
 * Nominal length of one working day (end − start on the wall clock). Used to turn "business days" into
 * working time; it deliberately ignores DST, which only matters for windows that contain a clock change.
 */
export function workingDayLengthMs(calendar: BusinessCalendar): number {
  return (minutesOfDay(calendar.end) - minutesOfDay(calendar.start)) * MINUTE;
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
