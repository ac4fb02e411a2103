import type { DeskContext } from '../desk-context.ts';
import { toSlaWarningMessage, toStaleReminderMessage } from '../messages/sla-view.ts';
import type { SlaTarget } from '../store/sla-breaches.ts';
import {
  claimStaleReminder,
  claimWarning,
  staleTickets,
  ticketsBreached,
  ticketsToClose,
  ticketsToWarn,
} from '../store/sla-clocks.ts';
import { appendTicketEvent } from '../store/ticket-events.ts';
import { findTicket } from '../store/tickets.ts';
import { writeChange } from '../tickets/change-ticket.ts';
import { transition } from '../tickets/ticket.ts';
import { alertAssignee, alertQueue } from './alerts.ts';
import { breach, monitor } from './breach.ts';

export interface SweepReport {
  warned: number;
  breached: number;
  closed: number;
  reminded: number;
}

/** When resolved tickets close by themselves, and when an untouched ticket earns its assignee a reminder. */
export interface SweepTimers {
  autoCloseDays: number;
  staleAfterHours: number;
}

/**
 * One pass over the SLA clocks: warn at 75 %, escalate on breach, close resolved tickets after
 * AUTO_CLOSE_DAYS and remind assignees of stale tickets. Every action first claims its ticket (see
 * store/sla-clocks.ts), so several replicas at once, or a pass after a crash, never act twice.
 */
export async function sweepTickets(ctx: DeskContext, timers: SweepTimers): Promise<SweepReport> {
  const now = ctx.clock.now();
  const report: SweepReport = { warned: 0, breached: 0, closed: 0, reminded: 0 };
  for (const target of ['response', 'resolution'] as const) {
    for (const id of await ticketsToWarn(ctx.db, target, now)) {
      if (await warn(ctx, id, target, now)) report.warned++;
    }
    for (const id of await ticketsBreached(ctx.db, target, now)) {
      if (await breach(ctx, id, target, now)) report.breached++;
    }
  }
  const closeBefore = new Date(now.getTime() - timers.autoCloseDays * 86_400_000);
  for (const id of await ticketsToClose(ctx.db, closeBefore)) {
    if (await autoClose(ctx, id, now)) report.closed++;
  }
  const staleBefore = new Date(now.getTime() - timers.staleAfterHours * 3_600_000);
  for (const id of await staleTickets(ctx.db, staleBefore)) {
    if (await remindStale(ctx, id, now)) report.reminded++;
  }
  if (report.warned + report.breached + report.closed + report.reminded > 0)
    ctx.log.info('ticket sweep', { ...report });
  return report;
}

async function warn(ctx: DeskContext, id: number, target: SlaTarget, now: Date): Promise<boolean> {
  const ticket = await claimWarning(ctx.db, id, target, now);
  if (!ticket) return false;
  await appendTicketEvent(
    ctx.db,
    id,
    { actorId: null, platform: 'desk', at: now },
    { kind: 'sla_warning', to: target },
  );
  const message = toSlaWarningMessage(ticket, target);
  await alertQueue(ctx, ticket, ticket.tier, message);
  await alertAssignee(ctx, ticket, message);
  return true;
}

async function autoClose(ctx: DeskContext, id: number, now: Date): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const row = await findTicket(tx, id);
    if (!row) return false;
    const decided = transition(row, { kind: 'close' }, monitor, now);
    if (!decided.ok) return false;
    return (await writeChange(ctx, tx, row, decided, { actorId: null, platform: 'desk', at: now })) !== undefined;
  });
}

async function remindStale(ctx: DeskContext, id: number, now: Date): Promise<boolean> {
  const ticket = await claimStaleReminder(ctx.db, id, now);
  if (!ticket) return false;
  await alertAssignee(ctx, ticket, toStaleReminderMessage(ticket));
  return true;
}
