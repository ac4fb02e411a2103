import type { DeskContext } from '../desk-context.ts';
import type { Person } from '../model/person.ts';
import type { ChangeRefusal } from '../model/refusals.ts';
import { isStaff } from '../model/roles.ts';
import type { Ticket } from '../model/ticket.ts';
import { slaChanges } from '../sla/ticket-clock.ts';
import type { Tx } from '../store/db.ts';
import { findPersonById } from '../store/people.ts';
import { findTicket, writeTicketChange } from '../store/tickets.ts';
import { type ChangeNotices, notifyTicketChange } from './notify-ticket-change.ts';
import { transition } from './ticket.ts';
import type { Actor, Change, Transition } from './ticket-change.ts';

export type ChangeResult =
  | ({ ok: true; ticket: Ticket; before: Ticket } & ChangeNotices)
  | { ok: false; refusal: ChangeRefusal };

export const toActor = (p: Person): Actor => ({ id: p.id, name: p.displayName, role: p.role, tier: p.tier });

/**
 * Writes a decided change, its SLA consequences and its history, guarded by the version read: undefined
 * when someone else changed the ticket in between. `actorId` null is the desk itself (the SLA monitor).
 */
export function writeChange(
  ctx: DeskContext,
  tx: Tx,
  row: Ticket,
  decided: Extract<Transition, { ok: true }>,
  by: { actorId: number | null; platform: string; at: Date },
): Promise<Ticket | undefined> {
  const changes = { ...decided.patch, ...slaChanges(ctx.sla, row, decided.patch, by.at) };
  return writeTicketChange(tx, row, changes, decided.events, by);
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
      const row = await findTicket(tx, ticketId);
      // A requester acting on someone else's ticket learns nothing about it.
      if (!row || (actor.role === 'requester' && row.requesterId !== actor.id)) {
        return { kind: 'refused', refusal: { code: 'not_found' } };
      }
      const assignee = row.assigneeId === null ? undefined : await findPersonById(tx, row.assigneeId);
      const state = { ...row, assigneeName: assignee?.displayName, assigneeOnDesk: assignee && isStaff(assignee) };
      const decided = transition(state, change, actor, now);
      if (!decided.ok) return { kind: 'refused', refusal: decided.refusal };
      const updated = await writeChange(ctx, tx, row, decided, { actorId: actor.id, platform, at: now });
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
    const notices = await notifyTicketChange(ctx, result.ticket, result.before, result.transition, actor);
    return { ok: true, ticket: result.ticket, before: result.before, ...notices };
  }
  return { ok: false, refusal: { code: 'changed' } };
}
