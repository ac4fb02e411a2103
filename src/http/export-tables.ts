import type { PlaceRef } from '../model/identity.ts';
import { feedbackPage, interactionPage, ticketEventPage, ticketPage } from '../store/export-pages.ts';
import { type Column, type ExportTable, keysetTable } from './keyset-table.ts';

/**
 * The four exports and their columns. The names are a contract (spreadsheets and scripts read them, the
 * README lists them): add columns at the end, never rename. People are their identity (`local:alice`,
 * `slack:T0123:U0456`, as ADMINS takes them) and the display name stored for them. What only the platforms
 * need (posted message ids, conversation references) is not exported.
 */
type Who = { platform: string; workspace: string; userId: string; displayName: string } | null;
const identity = (p: Who) =>
  p === null ? null : p.platform === 'local' ? `local:${p.userId}` : `${p.platform}:${p.workspace}:${p.userId}`;
const name = (p: Who) => p?.displayName ?? null;
/** As the metrics name places: `slack:C0123`, `local:#it-help`, with the thread when there was one. */
const placeOf = (p: PlaceRef) => `${p.platform}:${p.channel}${p.thread ? ` (thread ${p.thread})` : ''}`;

type TicketRow = Awaited<ReturnType<typeof ticketPage>>[number];
const ticketColumns: Column<TicketRow>[] = [
  ['ticket_id', (r) => r.ticket.id],
  ['created_at', (r) => r.ticket.createdAt],
  ['subject', (r) => r.ticket.subject],
  ['description', (r) => r.ticket.description],
  ['status', (r) => r.ticket.status],
  ['tier', (r) => r.ticket.tier],
  ['priority', (r) => r.ticket.priority],
  ['platform', (r) => r.ticket.origin.platform],
  ['requester', (r) => identity(r.requester)],
  ['requester_name', (r) => name(r.requester)],
  ['assignee', (r) => identity(r.assignee)],
  ['assignee_name', (r) => name(r.assignee)],
  ['source_interaction_id', (r) => r.ticket.sourceInteractionId],
  ['vendor_name', (r) => r.ticket.vendorName],
  ['vendor_ref', (r) => r.ticket.vendorRef],
  ['response_due_at', (r) => r.ticket.responseDueAt],
  ['resolution_due_at', (r) => r.ticket.resolutionDueAt],
  ['first_responded_at', (r) => r.ticket.firstRespondedAt],
  ['response_breached_at', (r) => r.ticket.responseBreachedAt],
  ['resolution_breached_at', (r) => r.ticket.resolutionBreachedAt],
  ['resolved_at', (r) => r.ticket.resolvedAt],
  ['closed_at', (r) => r.ticket.closedAt],
  ['archived_at', (r) => r.ticket.archivedAt],
  ['updated_at', (r) => r.ticket.updatedAt],
];

type EventRow = Awaited<ReturnType<typeof ticketEventPage>>[number];
const eventColumns: Column<EventRow>[] = [
  ['event_id', (r) => r.event.id],
  ['ticket_id', (r) => r.event.ticketId],
  ['at', (r) => r.event.at],
  ['kind', (r) => r.event.kind],
  ['from_value', (r) => r.event.fromValue],
  ['to_value', (r) => r.event.toValue],
  ['reason', (r) => r.event.reason],
  ['platform', (r) => r.event.platform],
  ['actor', (r) => identity(r.actor)],
  ['actor_name', (r) => name(r.actor)],
];

type FeedbackRow = Awaited<ReturnType<typeof feedbackPage>>[number];
const feedbackColumns: Column<FeedbackRow>[] = [
  ['feedback_id', (r) => r.feedback.id],
  ['created_at', (r) => r.feedback.createdAt],
  ['source', (r) => r.feedback.source],
  ['person', (r) => identity(r.person)],
  ['person_name', (r) => name(r.person)],
  ['rating', (r) => r.feedback.rating],
  ['comment', (r) => r.feedback.comment],
  ['class', (r) => r.feedback.class],
  ['sentiment', (r) => r.feedback.sentiment],
  ['classified_by', (r) => r.feedback.classifiedBy],
  ['ticket_id', (r) => r.feedback.ticketId],
  ['interaction_id', (r) => r.feedback.interactionId],
  ['follow_up_ticket_id', (r) => r.feedback.followUpTicketId],
];

type InteractionRow = Awaited<ReturnType<typeof interactionPage>>[number];
const interactionColumns: Column<InteractionRow>[] = [
  ['interaction_id', (r) => r.interaction.id],
  ['created_at', (r) => r.interaction.createdAt],
  ['person', (r) => identity(r.person)],
  ['person_name', (r) => name(r.person)],
  ['platform', (r) => r.interaction.place.platform],
  ['place', (r) => placeOf(r.interaction.place)],
  ['question', (r) => r.interaction.question],
  ['decision', (r) => r.interaction.outcome],
  ['article_id', (r) => r.interaction.articleId],
  ['confidence', (r) => r.interaction.confidence],
  ['helpful', (r) => r.interaction.helpful],
  ['feedback_at', (r) => r.interaction.feedbackAt],
  ['attachments', (r) => r.interaction.attachments?.length ?? 0],
];

export const exportTables = {
  tickets: keysetTable<TicketRow, number>({
    columns: ticketColumns,
    page: (db, span, after, limit) => ticketPage(db, span, after ?? 0, limit),
    cursorOf: (r) => r.ticket.id,
  }),
  ticket_events: keysetTable<EventRow, number>({
    columns: eventColumns,
    page: (db, span, after, limit) => ticketEventPage(db, span, after ?? 0, limit),
    cursorOf: (r) => r.event.id,
  }),
  feedback: keysetTable<FeedbackRow, number>({
    columns: feedbackColumns,
    page: (db, span, after, limit) => feedbackPage(db, span, after ?? 0, limit),
    cursorOf: (r) => r.feedback.id,
  }),
  interactions: keysetTable({
    columns: interactionColumns,
    page: interactionPage,
    cursorOf: (r) => ({ at: r.cursorAt, id: r.interaction.id }),
  }),
} satisfies Record<string, ExportTable>;

export type ExportName = keyof typeof exportTables;
