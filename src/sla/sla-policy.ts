/**
 * SLA policies: how soon each priority must get a first response and a resolution, and what that makes a
 * ticket's due times. Admins write them as YAML, which sla-policy-file.ts reads into these types.
 */

import type { Priority } from '../model/priorities.ts';
import {
  addWorkingTime,
  alwaysCalendar,
  type BusinessCalendar,
  type Calendar,
  workingTimeBetween,
} from './business-calendar.ts';

export interface SlaTarget {
  responseMs: number;
  resolutionMs: number;
  calendar: 'business' | 'always';
}

export interface SlaPolicies {
  calendar: BusinessCalendar;
  targets: Record<Priority, SlaTarget>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const defaultSlaPolicies: SlaPolicies = {
  calendar: {
    kind: 'business',
    timeZone: 'Europe/London',
    workingDays: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '17:00',
    holidays: [],
  },
  targets: {
    P1: { responseMs: 15 * MINUTE, resolutionMs: 4 * HOUR, calendar: 'always' },
    P2: { responseMs: 30 * MINUTE, resolutionMs: 8 * HOUR, calendar: 'business' },
    P3: { responseMs: 4 * HOUR, resolutionMs: 3 * 8 * HOUR, calendar: 'business' },
    P4: { responseMs: 8 * HOUR, resolutionMs: 5 * 8 * HOUR, calendar: 'business' },
  },
};

/** The calendar a priority's clock runs on. */
export function calendarFor(policies: SlaPolicies, priority: Priority): Calendar {
  return policies.targets[priority].calendar === 'always' ? alwaysCalendar : policies.calendar;
}

/** When a ticket of `priority` opened at `openedAt` must have had its first response and its resolution. */
export function dueTimes(
  policies: SlaPolicies,
  priority: Priority,
  openedAt: Date,
): { responseDueAt: Date; resolutionDueAt: Date } {
  const target = policies.targets[priority];
  const calendar = calendarFor(policies, priority);
  return {
    responseDueAt: addWorkingTime(calendar, openedAt, target.responseMs),
    resolutionDueAt: addWorkingTime(calendar, openedAt, target.resolutionMs),
  };
}

/**
 * The due time after the ticket waited on the requester from `pausedFrom` to `pausedTo`: the clock stops for
 * the working time that passed meanwhile, so the deadline moves by that much working time, not wall time.
 */
export function shiftForPause(
  policies: SlaPolicies,
  priority: Priority,
  dueAt: Date,
  pausedFrom: Date,
  pausedTo: Date,
): Date {
  const calendar = calendarFor(policies, priority);
  return addWorkingTime(calendar, dueAt, workingTimeBetween(calendar, pausedFrom, pausedTo));
}
