import type { DeskContext } from '../desk-context.ts';
import { slaMissedReason, toSlaBreachMessage } from '../messages/sla-view.ts';
import { recordBreach, type SlaTarget } from '../store/sla-breaches.ts';
import { claimBreach } from '../store/sla-clocks.ts';
import { appendTicketEvent } from '../store/ticket-events.ts';
import { writeChange } from '../tickets/change-ticket.ts';
import { notifyTicketChange } from '../tickets/notify-ticket-change.ts';
import { queueFor } from '../tickets/queues.ts';
import { transition } from '../tickets/ticket.ts';
import type { Actor } from '../tickets/ticket-change.ts';
import { alertAssignee, alertQueue, pageLeads } from './alerts.ts';

/** The desk acting on its own: no person, every tier. History shows it as the desk. */
export const monitor: Actor = { id: 0, name: 'SLA monitor', role: 'admin', tier: null };
const byTheDesk = (at: Date) => ({ actorId: null, platform: 'desk', at });

class RetryLater extends Error {}

/**
 * Marks the breach, records it for CAPA and moves the ticket up one tier, all in one transaction: the flag
 * and the escalation land together or not at all. At the top tier the leads are paged instead.
 */
export async function breach(ctx: DeskContext, id: number, target: SlaTarget, now: Date): Promise<boolean> {
  const done = await ctx.db
    .transaction(async (tx) => {
      const row = await claimBreach(tx, id, target, now);
      if (!row) return undefined;
      const dueAt = (target === 'response' ? row.responseDueAt : row.resolutionDueAt) ?? now;
      const reason = slaMissedReason(target, dueAt, ctx.sla.calendar.timeZone);
      const decided = transition(row, { kind: 'escalate', reason }, monitor, now);
      const action = decided.ok ? 'escalated' : 'paged_lead';
      await appendTicketEvent(tx, id, byTheDesk(now), { kind: 'sla_breach', from: target, to: action, reason });
      await recordBreach(tx, { ticketId: id, target, dueAt, breachedAt: now, tier: row.tier, action });
      const updated = decided.ok ? await writeChange(ctx, tx, row, decided, byTheDesk(now)) : row;
      // Someone changed the ticket in this very moment: undo the mark; the next sweep decides again.
      if (!updated) throw new RetryLater();
      return { before: row, after: updated, decided, action } as const;
    })
    .catch((err: unknown) => {
      if (err instanceof RetryLater) return undefined;
      throw err;
    });
  if (!done) return false;
  ctx.log.warn('sla breached', { ticket: id, target, action: done.action });
  const queued = done.action === 'paged_lead' || (await queueFor(ctx, done.after.tier)) !== undefined;
  const message = toSlaBreachMessage(done.after, target, done.action, queued);
  await alertQueue(ctx, done.before, done.before.tier, message);
  await alertAssignee(ctx, done.before, message);
  if (done.decided.ok) await notifyTicketChange(ctx, done.after, done.before, done.decided, monitor);
  else await pageLeads(ctx, done.before, message);
  return true;
}
