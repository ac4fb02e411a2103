/**
 * Working time as SQL, so a period's response and resolution times are averaged in the database and never
 * loaded row by row. It is the same arithmetic as `workingTimeBetween` in sla/business-calendar.ts (a test
 * holds the two together): for each local day the span touches, the overlap with that day's opening hours,
 * read in the calendar's zone, so a DST day's hours fall where they really do.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Priority } from '../model/priorities.ts';
import { priorities } from '../model/priorities.ts';
import type { Calendar } from '../sla/business-calendar.ts';
import { calendarFor, type SlaPolicies } from '../sla/sla-policy.ts';
import { minutesOfDay } from '../sla/zoned-time.ts';

/** Milliseconds of working time in [from, to) on `calendar`; 0 when `to` is not after `from`. */
export function workingMsSql(calendar: Calendar, from: SQL, to: SQL): SQL {
  if (calendar.kind === 'always') return sql`greatest(0, extract(epoch from (${to} - ${from})) * 1000)`;
  const tz = sql`${calendar.timeZone}::text`;
  const days = `{${calendar.workingDays.join(',')}}`;
  const holidays = `{${calendar.holidays.join(',')}}`;
  const opens = sql`(d + ${minutesOfDay(calendar.start)}::int * interval '1 minute') at time zone ${tz}`;
  const closes = sql`(d + ${minutesOfDay(calendar.end)}::int * interval '1 minute') at time zone ${tz}`;
  // `d` is a local midnight as a timestamp without zone: adding the opening time and reading it in the zone
  // gives the instant the desk opens that day (generate_series on dates would use the session's zone instead).
  return sql`(select coalesce(sum(greatest(0, extract(epoch from (least(${to}, ${closes}) - greatest(${from}, ${opens}))) * 1000)), 0)
    from generate_series((${from} at time zone ${tz})::date::timestamp, (${to} at time zone ${tz})::date::timestamp, interval '1 day') as d
    where ${from} < ${to}
      and extract(isodow from d)::int = any(${days}::int[])
      and not (d::date = any(${holidays}::date[])))`;
}

/** Working time on the calendar of the ticket's priority (`priority` an SQL expression naming one). */
export function slaWorkingMsSql(policies: SlaPolicies, priority: SQL, from: SQL, to: SQL): SQL {
  const branches = priorities.map(
    (p: Priority) => sql`when ${p} then ${workingMsSql(calendarFor(policies, p), from, to)}`,
  );
  return sql`(case ${priority}::text ${sql.join(branches, sql` `)} end)`;
}
