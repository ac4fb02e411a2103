import type { Priority } from '../model/priorities.ts';
import type { Ticket } from '../model/ticket.ts';

/** A change's fields; a new priority or the end of a wait on the requester moves the clock. */
type ClockPatch = Partial<Ticket>;

import { addWorkingTime } from './business-calendar.ts';
import { calendarFor, dueTimes, type SlaPolicies, shiftForPause } from './sla-policy.ts';

/** The share of a target after which the assignee and the queue are warned. */
export const warnAtShare = 0.75;

export type SlaClock = Pick<Ticket, 'responseDueAt' | 'resolutionDueAt' | 'responseWarnAt' | 'resolutionWarnAt'>;

/** Due and warning times for a ticket of `priority` opened at `openedAt`. */
export function slaClock(policies: SlaPolicies, priority: Priority, openedAt: Date): SlaClock {
  const target = policies.targets[priority];
  const calendar = calendarFor(policies, priority);
  return {
    ...dueTimes(policies, priority, openedAt),
    responseWarnAt: addWorkingTime(calendar, openedAt, target.responseMs * warnAtShare),
    resolutionWarnAt: addWorkingTime(calendar, openedAt, target.resolutionMs * warnAtShare),
  };
}

/**
 * How a change moves a ticket's SLA clock. A new priority restarts its targets from when the ticket was
 * opened; the end of a wait on the requester pushes each open target back by the working time waited.
 */
export function slaChanges(policies: SlaPolicies, before: Ticket, patch: ClockPatch, now: Date): Partial<SlaClock> {
  const priority = patch.priority ?? before.priority;
  const changes: Partial<SlaClock> = {};
  if (patch.priority && patch.priority !== before.priority)
    Object.assign(changes, slaClock(policies, priority, before.createdAt));
  const paused = before.slaPausedAt;
  if (paused !== null && patch.slaPausedAt === null) {
    const shift = (time: Date | null | undefined) =>
      time ? shiftForPause(policies, priority, time, paused, now) : null;
    const current = { ...before, ...changes };
    // A response already given is not due any more; only its resolution clock was waiting.
    if (!before.firstRespondedAt) {
      changes.responseDueAt = shift(current.responseDueAt);
      changes.responseWarnAt = shift(current.responseWarnAt);
    }
    changes.resolutionDueAt = shift(current.resolutionDueAt);
    changes.resolutionWarnAt = shift(current.resolutionWarnAt);
  }
  return changes;
}
