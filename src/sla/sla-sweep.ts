import { and, eq, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import {
  type SlaTarget,
  toSlaBreachMessage,
  toSlaWarningMessage,
  toStaleReminderMessage,
} from '../messages/sla-view.ts';
import { splitPlace } from '../outbox.ts';
import { findPersonById } from '../store/people.ts';
import { people, slaBreaches, ticketEvents, tickets } from '../store/schema.ts';
import { writeChange } from '../tickets/change-ticket.ts';
import { notifyTicketChange } from '../tickets/notify-ticket-change.ts';
import type { Ticket } from '../tickets/open-ticket.ts';
import { queueFor } from '../tickets/queue-places.ts';
import { type Actor, transition } from '../tickets/ticket.ts';

export interface SweepReport {
  warned: number;
  breached: number;
  closed: number;
  reminded: number;
}

/** The desk acting on its own: no person, every tier. History shows it as the desk. */
const monitor: Actor = { id: 0, name: 'SLA monitor', role: 'admin', tier: null };
const batch = 200;

/** Per target: the columns to compare, and the property names of the once-only flags to set. */
const targets = {
  response: {
    warnAt: tickets.responseWarnAt,
    warned: tickets.responseWarnedAt,
    warnedKey: 'responseWarnedAt',
    dueAt: tickets.responseDueAt,
    breached: tickets.responseBreachedAt,
    breachedKey: 'responseBreachedAt',
  },
  resolution: {
    warnAt: tickets.resolutionWarnAt,
    warned: tickets.resolutionWarnedAt,
    warnedKey: 'resolutionWarnedAt',
    dueAt: tickets.resolutionDueAt,
    breached: tickets.resolutionBreachedAt,
    breachedKey: 'resolutionBreachedAt',
  },
} as const;

/** Clocks run for tickets someone should be working on: not finished, not waiting on the requester. */
const running = (target: SlaTarget): SQL[] => [
  inArray(tickets.status, ['new', 'in_progress']),
  isNull(tickets.slaPausedAt),
  isNull(tickets.archivedAt),
  ...(target === 'response' ? [isNull(tickets.firstRespondedAt)] : []),
];

/**
 * One pass over the SLA clocks: warn at 75 %, escalate on breach, close resolved tickets after
 * AUTO_CLOSE_DAYS and remind assignees of stale tickets. Every action first claims its ticket with an
 * update that only one process can win (`… where flag is null`), so running it in several replicas at once,
 * or again after a crash, never warns, escalates or closes twice.
 */
export async function sweepTickets(ctx: DeskContext): Promise<SweepReport> {
  const now = ctx.clock.now();
  const report: SweepReport = { warned: 0, breached: 0, closed: 0, reminded: 0 };
  for (const target of ['response', 'resolution'] as const) {
    const c = targets[target];
    for (const id of await due(ctx, [...running(target), lte(c.warnAt, now), isNull(c.warned), isNull(c.breached)])) {
      if (await warn(ctx, id, target, now)) report.warned++;
    }
    for (const id of await due(ctx, [...running(target), lte(c.dueAt, now), isNull(c.breached)])) {
      if (await breach(ctx, id, target, now)) report.breached++;
    }
  }
  const closeBefore = new Date(now.getTime() - ctx.timers.autoCloseDays * 86_400_000);
  for (const id of await due(ctx, [eq(tickets.status, 'resolved'), lte(tickets.resolvedAt, closeBefore)])) {
    if (await autoClose(ctx, id, now)) report.closed++;
  }
  const staleBefore = new Date(now.getTime() - ctx.timers.staleAfterHours * 3_600_000);
  const notReminded = or(
    isNull(tickets.staleRemindedAt),
    sql`${tickets.staleRemindedAt} < ${tickets.updatedAt}`,
  ) as SQL;
  const stale = [
    eq(tickets.status, 'in_progress'),
    isNotNull(tickets.assigneeId),
    lte(tickets.updatedAt, staleBefore),
    notReminded,
  ];
  for (const id of await due(ctx, stale)) {
    if (await remindStale(ctx, id, now)) report.reminded++;
  }
  if (report.warned + report.breached + report.closed + report.reminded > 0)
    ctx.log.info('ticket sweep', { ...report });
  return report;
}

async function due(ctx: DeskContext, where: SQL[]): Promise<number[]> {
  const rows = await ctx.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(...where))
    .orderBy(tickets.id)
    .limit(batch);
  return rows.map((r) => r.id);
}

async function warn(ctx: DeskContext, id: number, target: SlaTarget, now: Date): Promise<boolean> {
  const c = targets[target];
  // Only the one caller whose update sets the flag gets the ticket back, and warns.
  const [ticket] = await ctx.db
    .update(tickets)
    .set({ [c.warnedKey]: now })
    .where(and(eq(tickets.id, id), isNull(c.warned)))
    .returning();
  if (!ticket) return false;
  await ctx.db
    .insert(ticketEvents)
    .values({ ticketId: id, kind: 'sla_warning', toValue: target, platform: 'desk', at: now });
  const message = toSlaWarningMessage(ticket, target);
  await alertQueue(ctx, ticket.tier, message);
  await alertAssignee(ctx, ticket, message);
  return true;
}

/**
 * Marks the breach, records it for CAPA and moves the ticket up one tier, all in one transaction: the flag
 * and the escalation land together or not at all. At the top tier the leads are paged instead.
 */
async function breach(ctx: DeskContext, id: number, target: SlaTarget, now: Date): Promise<boolean> {
  const c = targets[target];
  const done = await ctx.db
    .transaction(async (tx) => {
      const [row] = await tx
        .update(tickets)
        .set({ [c.breachedKey]: now })
        .where(and(eq(tickets.id, id), isNull(c.breached)))
        .returning();
      if (!row) return undefined;
      const dueAt = (target === 'response' ? row.responseDueAt : row.resolutionDueAt) ?? now;
      const reason = `SLA: ${target} target missed (due ${dueAt.toISOString()})`;
      const decided = transition(row, { kind: 'escalate', reason }, monitor, now);
      const action = decided.ok ? 'escalated' : 'paged_lead';
      await tx.insert(ticketEvents).values({
        ticketId: id,
        kind: 'sla_breach',
        fromValue: target,
        toValue: action,
        reason,
        platform: 'desk',
        at: now,
      });
      await tx.insert(slaBreaches).values({ ticketId: id, target, dueAt, breachedAt: now, tier: row.tier, action });
      const updated = decided.ok ? await writeChange(ctx, tx, row, decided, null, 'desk', now) : row;
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
  const message = toSlaBreachMessage(done.after, target, done.action);
  await alertQueue(ctx, done.before.tier, message);
  await alertAssignee(ctx, done.before, message);
  if (done.decided.ok) await notifyTicketChange(ctx, done.after, done.before, done.decided, monitor);
  else await pageLeads(ctx, message);
  return true;
}

class RetryLater extends Error {}

async function autoClose(ctx: DeskContext, id: number, now: Date): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(tickets).where(eq(tickets.id, id));
    if (!row) return false;
    const decided = transition(row, { kind: 'close' }, monitor, now);
    return decided.ok ? (await writeChange(ctx, tx, row, decided, null, 'desk', now)) !== undefined : false;
  });
}

async function remindStale(ctx: DeskContext, id: number, now: Date): Promise<boolean> {
  const [ticket] = await ctx.db
    .update(tickets)
    .set({ staleRemindedAt: now })
    .where(
      and(
        eq(tickets.id, id),
        or(isNull(tickets.staleRemindedAt), sql`${tickets.staleRemindedAt} < ${tickets.updatedAt}`),
      ),
    )
    .returning();
  if (!ticket) return false;
  await alertAssignee(ctx, ticket, toStaleReminderMessage(ticket));
  return true;
}

async function send(ctx: DeskContext, what: string, deliver: () => Promise<unknown>): Promise<void> {
  try {
    await deliver();
  } catch (err) {
    ctx.log.error('sla alert not delivered', { what, err });
  }
}

async function alertQueue(ctx: DeskContext, tier: Ticket['tier'], message: Message): Promise<void> {
  const queue = (await queueFor(ctx, tier)) ?? ctx.queues.tier1;
  const { platform, address } = splitPlace(queue);
  const outbox = ctx.outboxes[platform];
  if (outbox) await send(ctx, `queue ${queue}`, () => outbox.post(address, message));
}

async function alertAssignee(ctx: DeskContext, ticket: Ticket, message: Message): Promise<void> {
  if (ticket.assigneeId === null) return;
  const assignee = await findPersonById(ctx.db, ticket.assigneeId);
  const outbox = assignee ? ctx.outboxes[assignee.platform] : undefined;
  if (assignee && outbox) await send(ctx, `assignee ${assignee.id}`, () => outbox.dm(assignee, message));
}

async function pageLeads(ctx: DeskContext, message: Message): Promise<void> {
  const leads = await ctx.db.select().from(people).where(eq(people.role, 'lead'));
  for (const lead of leads) {
    const outbox = ctx.outboxes[lead.platform];
    if (outbox) await send(ctx, `lead ${lead.id}`, () => outbox.dm(lead, message));
  }
}
