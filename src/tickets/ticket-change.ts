import type { Priority } from '../model/priorities.ts';
import type { Refusal } from '../model/refusals.ts';
import type { Role } from '../model/roles.ts';
import type { Ticket } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';

/** Who acts on a ticket: a person on the desk or a requester, or the desk itself (the SLA monitor). */
export interface Actor {
  id: number;
  name: string;
  role: Role;
  tier: Tier | null;
}

/** What someone asks to do to a ticket. */
export type Change =
  | { kind: 'claim' }
  | { kind: 'assign'; to: Actor }
  | { kind: 'escalate'; to?: Tier; reason: string }
  | { kind: 'deescalate'; reason?: string }
  | { kind: 'wait'; question: string }
  | { kind: 'requester_reply'; text: string }
  | { kind: 'reply'; text: string }
  | { kind: 'resolve'; resolution: string }
  | { kind: 'reopen'; reason?: string }
  | { kind: 'close' }
  | { kind: 'note'; text: string }
  | { kind: 'priority'; to: Priority }
  | { kind: 'vendor'; vendor: string; ref: string }
  | { kind: 'archive' };

/** One history row: what happened, from → to, and why. */
export interface HistoryEvent {
  kind: string;
  from?: string | null;
  to?: string | null;
  reason?: string | null;
}

/** What the requester should be told, in their own conversation; internal notes never produce one. */
export type RequesterNotice =
  | { kind: 'question'; text: string }
  | { kind: 'reply'; text: string }
  | { kind: 'resolved'; text: string }
  /** Someone on the help desk took it (claimed, or was assigned it). */
  | { kind: 'claimed'; by: string }
  /** It went to another tier (the reason is the help desk's handoff, not the requester's to read). */
  | { kind: 'moved'; tier: Tier }
  | { kind: 'status' };

export type TicketPatch = Partial<
  Pick<
    Ticket,
    | 'status'
    | 'tier'
    | 'priority'
    | 'assigneeId'
    | 'firstRespondedAt'
    | 'slaPausedAt'
    | 'resolvedAt'
    | 'closedAt'
    | 'vendorName'
    | 'vendorRef'
    | 'archivedAt'
  >
>;

export type Transition =
  | { ok: true; patch: TicketPatch; events: HistoryEvent[]; notice?: RequesterNotice; requeue?: boolean }
  | { ok: false; refusal: Refusal };

/** The part of a ticket a transition needs, plus the assignee's name for refusals. */
export type TicketState = Pick<
  Ticket,
  'status' | 'tier' | 'priority' | 'assigneeId' | 'requesterId' | 'firstRespondedAt' | 'slaPausedAt'
> & {
  assigneeName?: string | undefined;
  /** False when the assignee has left the help desk (`staff remove`); unknown counts as still there. */
  assigneeOnDesk?: boolean | undefined;
};

/** The desk itself acting (the SLA monitor, automatic closing), not a person: id 0. */
export const isTheDesk = (actor: Actor) => actor.id === 0;
