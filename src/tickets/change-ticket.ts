import { and, eq, sql } from 'drizzle-orm';
import type { DeskContext } from '../desk-context.ts';
import { slaChanges } from '../sla/ticket-clock.ts';
import type { Tx } from '../store/db.ts';
import type { Person } from '../store/people.ts';
import { findPersonById } from '../store/people.ts';
import { ticketEvents, tickets } from '../store/schema.ts';
import { notifyTicketChange } from './notify-ticket-change.ts';
import type { Ticket } from './open-ticket.ts';
import { type Actor, type Change, type Refusal, type Tier, type Transition, transition } from './ticket.ts';

export type ChangeRefusal = Refusal | { code: 'not_found' } | { code: 'changed' };
export type ChangeResult = { ok: true; ticket: Ticket; before: Ticket } | { ok: false; refusal: ChangeRefusal };

export const toActor = (p: Person): Actor => ({
  id: p.id,
  name: p.displayName,
  role: p.role,
  tier: p.tier as Tier | null,
});

/**
 * Writes a decided change and its history, guarded by the version read: undefined when someone else changed
 * the ticket in between (nothing is written then). `actorId` null is the desk itself (the SLA monitor).
 */
export async function writeChange(
  ctx: DeskContext,
  tx: Tx,
  row: Ticket,
  decided: Extract<Transition, { ok: true }>,
  actorId: number | null,
  platform: string,
  now: Date,
): Promise<Ticket | undefined> {
  const [updated] = await tx
    .update(tickets)
    .set({
      ...decided.patch,
      ...slaChanges(ctx.sla, row, decided.patch, now),
      updatedAt: now,
      version: sql`${tickets.version} + 1`,
    })
    .where(and(eq(tickets.id, row.id), eq(tickets.version, row.version)))
    .returning();
  if (!updated) return undefined;
  await tx.insert(ticketEvents).values(
    decided.events.map((e) => ({
      ticketId: row.id,
      actorId,
      kind: e.kind,
      fromValue: e.from ?? null,
      toValue: e.to ?? null,
      reason: e.reason ?? null,
      platform,
      at: now,
    })),
  );
  return updated;
}

/** Conflicts are re-decided on fresh state; after this many, the person is asked to try again. */
const attempts = 3;

type Attempt =
  | { kind: 'done'; ticket: Ticket; before: Ticket; transition: Extract<Transition, { ok: true }> }
  | { kind: 'refused'; refusal: ChangeRefusal }
  | { kind: 'conflict' };

/**
 * Applies one change to one ticket: reads it, decides with the pure transition, and writes the change and
 * its history in one transaction, guarded by the ticket's version. When two people act at once, one write
 * wins; the other is decided again on what the winner left, so a second claim is told who has it.
 */
export async function changeTicket(
  ctx: DeskContext,
  by: Person,
  ticketId: number,
  change: Change,
  platform: string,
): Promise<ChangeResult> {
  const actor = toActor(by);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const now = ctx.clock.now();
    const result: Attempt = await ctx.db.transaction(async (tx) => {
      const [row] = await tx.select().from(tickets).where(eq(tickets.id, ticketId));
      // A requester acting on someone else's ticket learns nothing about it.
      if (!row || (actor.role === 'requester' && row.requesterId !== actor.id)) {
        return { kind: 'refused', refusal: { code: 'not_found' } };
      }
      const assignee = row.assigneeId === null ? undefined : await findPersonById(tx, row.assigneeId);
      const decided = transition({ ...row, assigneeName: assignee?.displayName }, change, actor, now);
      if (!decided.ok) return { kind: 'refused', refusal: decided.refusal };
      const updated = await writeChange(ctx, tx, row, decided, actor.id, platform, now);
      if (!updated) return { kind: 'conflict' };
      return { kind: 'done', ticket: updated, before: row, transition: decided };
    });
    if (result.kind === 'conflict') continue;
    if (result.kind === 'refused') {
      ctx.log.info('ticket change refused', {
        ticket: ticketId,
        change: change.kind,
        by: actor.id,
        refusal: result.refusal.code,
      });
      return { ok: false, refusal: result.refusal };
    }
    ctx.log.info('ticket changed', { ticket: ticketId, change: change.kind, by: actor.id });
    await notifyTicketChange(ctx, result.ticket, result.before, result.transition, actor);
    return { ok: true, ticket: result.ticket, before: result.before };
  }
  return { ok: false, refusal: { code: 'changed' } };
}
