import type { Ticket } from '../tickets/open-ticket.ts';
import type { TicketPatch } from '../tickets/ticket.ts';
import { dueTimes, type SlaPolicies, shiftForPause } from './sla-policy.ts';

type DuePatch = Partial<Pick<Ticket, 'responseDueAt' | 'resolutionDueAt'>>;

/**
 * How a change moves a ticket's SLA due times. A new priority restarts its targets from when the ticket was
 * opened; the end of a wait on the requester pushes each open target back by the working time waited.
 */
export function slaChanges(policies: SlaPolicies, before: Ticket, patch: TicketPatch, now: Date): DuePatch {
  const priority = patch.priority ?? before.priority;
  const changes: DuePatch = {};
  if (patch.priority && patch.priority !== before.priority)
    Object.assign(changes, dueTimes(policies, priority, before.createdAt));
  const resumed = before.slaPausedAt !== null && patch.slaPausedAt === null;
  if (resumed && before.slaPausedAt) {
    const paused = before.slaPausedAt;
    const shift = (due: Date | null) => (due ? shiftForPause(policies, priority, due, paused, now) : null);
    const responseDue = changes.responseDueAt ?? before.responseDueAt;
    const resolutionDue = changes.resolutionDueAt ?? before.resolutionDueAt;
    // A response already given is not due any more; only its resolution clock was waiting.
    if (!before.firstRespondedAt) changes.responseDueAt = shift(responseDue);
    changes.resolutionDueAt = shift(resolutionDue);
  }
  return changes;
}
