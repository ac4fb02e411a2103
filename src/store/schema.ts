import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import type { Attachment, PlaceRef, Posted } from '../model/identity.ts';
import { priorities } from '../model/priorities.ts';
import { roles } from '../model/roles.ts';
import { ticketStatuses } from '../model/ticket.ts';
import { tiers } from '../model/tiers.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const roleEnum = pgEnum('role', roles);
export const tierEnum = pgEnum('tier', tiers);
export const priorityEnum = pgEnum('priority', priorities);
export const ticketStatusEnum = pgEnum('ticket_status', ticketStatuses);
export const outcomeEnum = pgEnum('answer_outcome', ['answered', 'clarified', 'declined']);

/** A person on one platform: `{ platform, workspace, userId }` is their identity. */
export const people = pgTable(
  'people',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    platform: text('platform').notNull(),
    workspace: text('workspace').notNull(),
    userId: text('user_id').notNull(),
    displayName: text('display_name').notNull(),
    role: roleEnum('role').notNull().default('requester'),
    /** For agents: the tier whose queue they work. */
    tier: tierEnum('tier'),
    /** Since when they said `surveys off`; null: they may be asked how it went. */
    surveysOffAt: at('surveys_off_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('people_identity').on(t.platform, t.workspace, t.userId)],
);

/** Every question asked and what the desk did with it. */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    place: jsonb('place').$type<PlaceRef>().notNull(),
    question: text('question').notNull(),
    outcome: outcomeEnum('outcome').notNull(),
    articleId: text('article_id'),
    confidence: real('confidence').notNull(),
    candidates: jsonb('candidates').$type<{ articleId: string; confidence: number }[]>().notNull(),
    helpful: boolean('helpful'),
    feedbackAt: at('feedback_at'),
    /** What the top candidate's confidence was computed from: a desk refits its decision on these. */
    features: real('features').array(),
    /** Files sent with the question (name and link only): the help desk sees them if it comes to a ticket. */
    attachments: jsonb('attachments').$type<Attachment[]>(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('interactions_person').on(t.personId, t.createdAt),
    // The interactions export reads a period in (created_at, id) pages: each page starts where the last ended.
    index('interactions_created').on(t.createdAt, t.id),
    // A 👍 or a pick weighs the open 👎 lesson for its article: that article's answers, not every question.
    index('interactions_article').on(t.articleId),
  ],
);

export const tickets = pgTable(
  'tickets',
  {
    /** Shown to people as `T-<id>`. */
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    requesterId: integer('requester_id')
      .notNull()
      .references(() => people.id),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    tier: tierEnum('tier').notNull().default('tier1'),
    priority: priorityEnum('priority').notNull().default('P3'),
    status: ticketStatusEnum('status').notNull().default('new'),
    assigneeId: integer('assignee_id').references(() => people.id),
    /** The place the requester asked from: they are always answered there. */
    origin: jsonb('origin').$type<PlaceRef>().notNull(),
    /** The question whose "talk to a human" opened this ticket; unique so a double click opens one. */
    sourceInteractionId: uuid('source_interaction_id').references(() => interactions.id),
    /**
     * The delivery (platform and key, store/deliveries.ts) whose handling opened it: unique, so handling a
     * delivery again after its process died mid-event finds this ticket instead of opening another.
     */
    openedByDelivery: text('opened_by_delivery'),
    /** Where the requester's status message was posted, so changes edit it instead of posting anew. */
    statusMessage: jsonb('status_message').$type<Posted>(),
    /** The card in the current tier's queue, edited as the ticket changes. */
    queueMessage: jsonb('queue_message').$type<Posted>(),
    /**
     * When a replica's `missed-queue-cards` run took on posting the card found missing: one replica posts it,
     * and another may try again only once this is older than the job's lease (its poster died).
     */
    queueCardClaimedAt: at('queue_card_claimed_at'),
    vendorName: text('vendor_name'),
    vendorRef: text('vendor_ref'),
    responseDueAt: at('response_due_at'),
    resolutionDueAt: at('resolution_due_at'),
    /** When 75 % of each target is used up: the assignee and the queue are warned then. */
    responseWarnAt: at('response_warn_at'),
    resolutionWarnAt: at('resolution_warn_at'),
    /** Set once by whichever process gets there first: each warning and breach happens exactly once. */
    responseWarnedAt: at('response_warned_at'),
    resolutionWarnedAt: at('resolution_warned_at'),
    responseBreachedAt: at('response_breached_at'),
    resolutionBreachedAt: at('resolution_breached_at'),
    staleRemindedAt: at('stale_reminded_at'),
    firstRespondedAt: at('first_responded_at'),
    /** Set while waiting on the requester: the SLA clock is paused from this moment. */
    slaPausedAt: at('sla_paused_at'),
    resolvedAt: at('resolved_at'),
    closedAt: at('closed_at'),
    archivedAt: at('archived_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /** Optimistic concurrency: every change is `where version = seen`, then `version + 1`. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tickets_requester').on(t.requesterId, t.createdAt),
    index('tickets_created').on(t.createdAt),
    index('tickets_first_responded').on(t.firstRespondedAt),
    // The open tickets with what the backlog counts them by: read from the index alone (digests/ticket-as-of-sql.ts).
    index('tickets_open')
      .on(t.id, t.createdAt, t.tier, t.priority)
      .where(sql`${t.status} in ('new', 'in_progress', 'waiting')`),
    index('tickets_queue').on(t.tier, t.status),
    uniqueIndex('tickets_source_interaction').on(t.sourceInteractionId),
    uniqueIndex('tickets_opened_by_delivery').on(t.openedByDelivery),
    check('tickets_version_positive', sql`${t.version} > 0`),
  ],
);

/** Append-only history of every ticket change; a trigger refuses updates and deletes. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    actorId: integer('actor_id').references(() => people.id),
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    reason: text('reason'),
    platform: text('platform').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  // By kind and time, and by time: the metrics read a period's resolutions, and all of a period's moves.
  (t) => [
    index('ticket_events_ticket').on(t.ticketId, t.id),
    index('ticket_events_kind_at').on(t.kind, t.at),
    index('ticket_events_at').on(t.at),
    // Tier, priority and openness "as they stood then" (digests/ticket-as-of-sql.ts), from the index alone.
    index('ticket_events_as_of')
      .on(t.ticketId, t.id, t.kind, t.at, t.fromValue, t.toValue)
      .where(sql`${t.kind} in ('escalated', 'deescalated', 'vendor', 'priority', 'resolved', 'closed', 'reopened')`),
  ],
);

/**
 * What a platform needs to post into a conversation later (Teams: a ConversationReference). Opaque to the
 * core: only the adapter that wrote a reference reads it. Keys are the adapter's own (`conversation:…`,
 * `person:…`).
 */
export const conversationReferences = pgTable(
  'conversation_references',
  {
    platform: text('platform').notNull(),
    key: text('key').notNull(),
    reference: jsonb('reference').$type<Record<string, unknown>>().notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.key] })],
);

/** A missed SLA target, with its corrective and preventive action (CAPA) written up afterwards. */
export const slaBreaches = pgTable(
  'sla_breaches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    target: text('target', { enum: ['response', 'resolution'] }).notNull(),
    dueAt: at('due_at').notNull(),
    breachedAt: at('breached_at').notNull(),
    tier: tierEnum('tier').notNull(),
    /** What the monitor did: moved the ticket up a tier, or paged the leads when there was no tier left. */
    action: text('action', { enum: ['escalated', 'paged_lead'] }).notNull(),
    capa: text('capa'),
    capaBy: integer('capa_by').references(() => people.id),
    capaAt: at('capa_at'),
  },
  (t) => [uniqueIndex('sla_breaches_once').on(t.ticketId, t.target), index('sla_breaches_breached').on(t.breachedAt)],
);

/** Queue places set with `queue set`; they take precedence over the QUEUE_* settings. */
export const queuePlaces = pgTable('queue_places', {
  tier: tierEnum('tier').primaryKey(),
  place: text('place').notNull(),
  setBy: integer('set_by').references(() => people.id),
  setAt: at('set_at').notNull().defaultNow(),
});

export * from './delivery-schema.ts';
export * from './digest-schema.ts';
export * from './knowledge-schema.ts';
export * from './outbound-schema.ts';
export * from './survey-schema.ts';

/**
 * When each scheduled job last finished, on whichever replica: a job that has not completed for several of
 * its periods (a worker that died mid-run, a queue that stopped fetching) is reported, not silently stalled.
 * One row per job, overwritten: it is a gauge, the runs themselves are pg-boss's.
 */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  lastCompletedAt: at('last_completed_at'),
  lastFailedAt: at('last_failed_at'),
  lastError: text('last_error'),
});
