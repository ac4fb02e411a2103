import type { PlaceRef, Posted } from './identity.ts';
import type { Priority } from './priorities.ts';
import type { Tier } from './tiers.ts';

export const ticketStatuses = ['new', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const openStatuses = ['new', 'in_progress', 'waiting'] as const satisfies readonly TicketStatus[];

/** A ticket as stored: what it is about, where it stands, and its SLA clock. Shown to people as `T-<id>`. */
export interface Ticket {
  id: number;
  requesterId: number;
  subject: string;
  description: string;
  tier: Tier;
  priority: Priority;
  status: TicketStatus;
  assigneeId: number | null;
  /** The place the requester asked from: they are always answered there. */
  origin: PlaceRef;
  /** The question whose "talk to a human" opened this ticket. */
  sourceInteractionId: string | null;
  /** The requester's status message and the current queue card, edited in place as the ticket changes. */
  statusMessage: Posted | null;
  queueMessage: Posted | null;
  vendorName: string | null;
  vendorRef: string | null;
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  responseWarnAt: Date | null;
  resolutionWarnAt: Date | null;
  responseWarnedAt: Date | null;
  resolutionWarnedAt: Date | null;
  responseBreachedAt: Date | null;
  resolutionBreachedAt: Date | null;
  staleRemindedAt: Date | null;
  firstRespondedAt: Date | null;
  /** Set while waiting on the requester: the SLA clock is paused from this moment. */
  slaPausedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** Longest subject a ticket keeps: a longer one is cut, and the form refuses it. */
export const maxSubjectLength = 200;

/** Tickets are shown to people as `T-42`. */
export const toTicketRef = (id: number): string => `T-${id}`;
