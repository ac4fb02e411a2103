/**
 * The ticket lifecycle as pure transitions: given a ticket, who acts, what they ask and when, either the
 * changes to make and the history to record, or a refusal. No I/O: the service applies the result.
 *
 *   new ──claim/assign──▶ in_progress ──wait──▶ waiting ──requester reply──▶ in_progress
 *                              │                                                 │
 *                              └──────────────resolve──────────▶ resolved ──(auto)──▶ closed
 *   resolved/closed ──reopen──▶ in_progress (or new, back in the queue, when nobody on the desk holds it)
 *   escalate/deescalate move a ticket between tiers; it waits in the new tier's queue, unclaimed.
 */
import type { Refusal } from '../model/refusals.ts';
import { isStaff, oversees } from '../model/roles.ts';
import type { TicketStatus } from '../model/ticket.ts';
import { type Tier, tiers } from '../model/tiers.ts';
import type { Actor, Change, TicketState, Transition } from './ticket-change.ts';

const finished = (s: TicketStatus) => s === 'resolved' || s === 'closed';
const refuse = (refusal: Refusal): Transition => ({ ok: false, refusal });

/** Leads and admins work every tier; an agent works the tier they belong to. */
function worksTier(actor: Actor, tier: Tier): boolean {
  return oversees(actor) || actor.tier === tier;
}

function staffOnTicket(actor: Actor, t: TicketState): Refusal | undefined {
  if (!isStaff(actor)) return { code: 'not_staff' };
  if (!worksTier(actor, t.tier)) return { code: 'other_tier', tier: t.tier };
  return undefined;
}

/** Most changes need someone of the ticket's tier (or a lead) and a ticket that is still open. */
function cannotWork(actor: Actor, t: TicketState): Refusal | undefined {
  return staffOnTicket(actor, t) ?? (finished(t.status) ? { code: 'finished', status: t.status } : undefined);
}

/** The first reply or claim by the help desk stops the response clock. */
const responded = (t: TicketState, now: Date) => (t.firstRespondedAt ? {} : { firstRespondedAt: now });

export function transition(t: TicketState, change: Change, actor: Actor, now: Date): Transition {
  switch (change.kind) {
    case 'claim': {
      const blocked = cannotWork(actor, t);
      if (blocked) return refuse(blocked);
      if (t.assigneeId === actor.id) return refuse({ code: 'already_yours' });
      if (t.assigneeId !== null) return refuse({ code: 'already_claimed', by: t.assigneeName ?? 'someone else' });
      return {
        ok: true,
        patch: { assigneeId: actor.id, status: t.status === 'new' ? 'in_progress' : t.status, ...responded(t, now) },
        events: [{ kind: 'claimed', from: t.status, to: actor.name }],
        notice: { kind: 'claimed', by: actor.name },
      };
    }
    case 'assign': {
      const blocked = cannotWork(actor, t);
      if (blocked) return refuse(blocked);
      if (!isStaff(change.to)) return refuse({ code: 'assignee_not_staff', name: change.to.name });
      if (t.assigneeId === change.to.id) return refuse({ code: 'unchanged' });
      return {
        ok: true,
        patch: {
          assigneeId: change.to.id,
          status: t.status === 'new' ? 'in_progress' : t.status,
          ...responded(t, now),
        },
        events: [{ kind: 'assigned', from: t.assigneeName ?? null, to: change.to.name }],
        notice: { kind: 'claimed', by: change.to.name },
      };
    }
    case 'escalate': {
      const blocked = cannotWork(actor, t);
      if (blocked) return refuse(blocked);
      const at = tiers.indexOf(t.tier);
      const to = change.to ?? tiers[at + 1];
      if (!to) return refuse({ code: 'no_higher_tier' });
      if (tiers.indexOf(to) <= at) return refuse({ code: 'not_higher', from: t.tier, to });
      return {
        ok: true,
        patch: { tier: to, assigneeId: null, status: t.status === 'waiting' ? 'waiting' : 'new' },
        events: [{ kind: 'escalated', from: t.tier, to, reason: change.reason }],
        notice: { kind: 'moved', tier: to },
        requeue: true,
      };
    }
    case 'deescalate': {
      const blocked = cannotWork(actor, t);
      if (blocked) return refuse(blocked);
      const to = tiers[tiers.indexOf(t.tier) - 1];
      if (!to) return refuse({ code: 'no_lower_tier' });
      return {
        ok: true,
        patch: { tier: to, assigneeId: null, status: t.status === 'waiting' ? 'waiting' : 'new' },
        events: [{ kind: 'deescalated', from: t.tier, to, reason: change.reason ?? null }],
        notice: { kind: 'moved', tier: to },
        requeue: true,
      };
    }
    case 'wait': {
      const blocked = cannotWork(actor, t);
      if (blocked) return refuse(blocked);
      return {
        ok: true,
        // The SLA clock stops while the ball is in the requester's court.
        patch: { status: 'waiting', slaPausedAt: t.slaPausedAt ?? now, ...responded(t, now) },
        events: [{ kind: 'waiting', from: t.status, to: 'waiting', reason: change.question }],
        notice: { kind: 'question', text: change.question },
      };
    }
    case 'requester_reply': {
      if (actor.id !== t.requesterId) return refuse({ code: 'not_requester' });
      if (finished(t.status)) return refuse({ code: 'finished', status: t.status });
      const resumes = t.status === 'waiting';
      return {
        ok: true,
        patch: resumes ? { status: t.assigneeId === null ? 'new' : 'in_progress', slaPausedAt: null } : {},
        events: [
          { kind: 'requester_replied', from: t.status, to: resumes ? 'in_progress' : t.status, reason: change.text },
        ],
      };
    }
    case 'reply': {
      const blocked = cannotWork(actor, t);
      if (blocked) return refuse(blocked);
      return {
        ok: true,
        patch: { ...responded(t, now) },
        events: [{ kind: 'agent_replied', reason: change.text }],
        notice: { kind: 'reply', text: change.text },
      };
    }
    case 'resolve': {
      const blocked = cannotWork(actor, t);
      if (blocked) return refuse(blocked);
      return {
        ok: true,
        patch: { status: 'resolved', resolvedAt: now, slaPausedAt: null, ...responded(t, now) },
        events: [{ kind: 'resolved', from: t.status, to: 'resolved', reason: change.resolution }],
        notice: { kind: 'resolved', text: change.resolution },
      };
    }
    case 'reopen': {
      if (actor.id !== t.requesterId && !isStaff(actor)) return refuse({ code: 'not_requester' });
      if (!finished(t.status)) return refuse({ code: 'not_finished' });
      // Someone who has left the help desk cannot take it back: it waits in its tier's queue again.
      const orphaned = t.assigneeId !== null && t.assigneeOnDesk === false;
      const to: TicketStatus = t.assigneeId === null || orphaned ? 'new' : 'in_progress';
      return {
        ok: true,
        patch: { status: to, resolvedAt: null, closedAt: null, ...(orphaned ? { assigneeId: null } : {}) },
        events: [{ kind: 'reopened', from: t.status, to, reason: change.reason ?? null }],
        notice: { kind: 'status' },
        ...(orphaned ? { requeue: true } : {}),
      };
    }
    case 'close': {
      if (t.status !== 'resolved') return refuse({ code: 'not_finished' });
      return {
        ok: true,
        patch: { status: 'closed', closedAt: now },
        events: [{ kind: 'closed', from: 'resolved', to: 'closed' }],
      };
    }
    case 'note': {
      const denied = staffOnTicket(actor, t);
      if (denied) return refuse(denied);
      // Internal: recorded for the help desk, never sent to the requester.
      return { ok: true, patch: {}, events: [{ kind: 'note', reason: change.text }] };
    }
    case 'priority': {
      const blocked = cannotWork(actor, t);
      if (blocked) return refuse(blocked);
      if (change.to === t.priority) return refuse({ code: 'unchanged' });
      return {
        ok: true,
        patch: { priority: change.to },
        events: [{ kind: 'priority', from: t.priority, to: change.to }],
        notice: { kind: 'status' },
      };
    }
    case 'archive': {
      if (!isStaff(actor)) return refuse({ code: 'not_staff' });
      if (t.status !== 'closed') return refuse({ code: 'not_closed' });
      // Hidden from lists, never deleted: history and reports still see it.
      return { ok: true, patch: { archivedAt: now }, events: [{ kind: 'archived' }] };
    }
    case 'vendor': {
      const blocked = cannotWork(actor, t);
      if (blocked) return refuse(blocked);
      return {
        ok: true,
        patch: {
          tier: 'vendor',
          vendorName: change.vendor,
          vendorRef: change.ref,
          status: 'in_progress',
          ...responded(t, now),
        },
        events: [{ kind: 'vendor', from: t.tier, to: 'vendor', reason: `${change.vendor} case ${change.ref}` }],
        notice: { kind: 'status' },
        requeue: t.tier !== 'vendor',
      };
    }
  }
}
