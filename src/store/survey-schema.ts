import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PlaceRef } from '../model/identity.ts';
import type { PulseSurvey } from '../model/pulse-survey.ts';
import { interactions, people, tickets } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One sending of a pulse survey: for a schedule's slot, or for a `survey send-now`. The (survey, slot) pair
 * is unique, so two processes that both see a slot due start one run between them. Everyone the run asks
 * gets an ask row first (`planned_at` once they all have), then the rows are sent a few at a time, so a
 * restart carries on where it stopped and nobody is asked twice.
 */
export const pulseRuns = pgTable(
  'pulse_runs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    surveyId: text('survey_id').notNull(),
    /** The schedule's time this run is for, or the moment `send-now` was said. */
    slot: at('slot').notNull(),
    trigger: text('trigger', { enum: ['schedule', 'send_now'] }).notNull(),
    requestedBy: integer('requested_by').references(() => people.id),
    /** The survey as it stood when the run began: answers are read against what was asked. */
    survey: jsonb('survey').$type<PulseSurvey>().notNull(),
    startedAt: at('started_at').notNull(),
    plannedAt: at('planned_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [uniqueIndex('pulse_runs_one_per_slot').on(t.surveyId, t.slot)],
);

/** `survey pause` and `survey resume`, kept in order: the newest says whether a survey's schedule is paused. */
export const pulseControls = pgTable(
  'pulse_controls',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    surveyId: text('survey_id').notNull(),
    action: text('action', { enum: ['pause', 'resume'] }).notNull(),
    by: integer('by')
      .notNull()
      .references(() => people.id),
    at: at('at').notNull(),
  },
  (t) => [index('pulse_controls_survey').on(t.surveyId, t.id)],
);

/**
 * Every time the desk asked someone how it went: a CSAT after a ticket's resolution (one per resolution, so a
 * reopen and a second resolve ask again), later pulse surveys too. `expires_at` closes it: a late answer is
 * refused and nothing is stored. The weekly digest counts asks and answers from here.
 */
export const surveyAsks = pgTable(
  'survey_asks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: ['csat', 'pulse'] }).notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    ticketId: integer('ticket_id').references(() => tickets.id),
    /** The resolution a CSAT is about: the ticket's version it made, so each resolution is asked about once. */
    ticketVersion: integer('ticket_version'),
    resolvedAt: at('resolved_at'),
    /** A pulse survey's id (its file's `id`). */
    surveyId: text('survey_id'),
    place: jsonb('place').$type<PlaceRef>().notNull(),
    askedAt: at('asked_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    /** Not sent, and why (`opted_out`, a fatigue rule): counted, never lost silently. */
    skipped: text('skipped'),
    /** A pulse's run; each person is asked once per run. */
    runId: integer('run_id').references(() => pulseRuns.id),
    /** A pulse ask taken for sending (before it is sent: a crash mid-send loses one ask, never repeats it). */
    sentAt: at('sent_at'),
    /** The platform did not take it: why (`failed`, `not_connected`), counted with the skipped. */
    notDelivered: text('not_delivered'),
  },
  (t) => [
    uniqueIndex('survey_asks_one_per_resolution').on(t.ticketId, t.ticketVersion).where(sql`${t.kind} = 'csat'`),
    index('survey_asks_person').on(t.personId, t.askedAt),
    index('survey_asks_kind_asked').on(t.kind, t.askedAt),
    uniqueIndex('survey_asks_one_per_run').on(t.runId, t.personId).where(sql`${t.kind} = 'pulse'`),
    check('survey_asks_pulse_has_run', sql`${t.kind} <> 'pulse' or ${t.runId} is not null`),
    check(
      'survey_asks_csat_has_ticket',
      sql`${t.kind} <> 'csat' or (${t.ticketId} is not null and ${t.ticketVersion} is not null)`,
    ),
  ],
);

/**
 * Each answer given, kept in order: a person may change a rating while the ask is open (the newest counts;
 * every one stays as history). The same score pressed twice in a row is one answer, not two.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    askId: integer('ask_id')
      .notNull()
      .references(() => surveyAsks.id),
    /** `rating` for a CSAT's 1–5; a pulse question's id otherwise. */
    question: text('question').notNull(),
    score: integer('score'),
    text: text('text'),
    answeredAt: at('answered_at').notNull(),
  },
  (t) => [
    index('survey_answers_ask').on(t.askId, t.question, t.id),
    check('survey_answers_score_range', sql`${t.score} is null or ${t.score} between 1 and 5`),
  ],
);

/**
 * Everything people told the desk about its service, whatever way they said it: a CSAT or pulse comment, free
 * `feedback`, 👍 / 👎 on an answer. `class` and `sentiment` are filled by the classifier (null until classed).
 */
export const feedback = pgTable(
  'feedback',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    source: text('source', { enum: ['csat', 'pulse', 'free', 'answer'] }).notNull(),
    ticketId: integer('ticket_id').references(() => tickets.id),
    askId: integer('ask_id').references(() => surveyAsks.id),
    /** The answer a 👍 or 👎 was about. */
    interactionId: uuid('interaction_id').references(() => interactions.id),
    /** The score given with it, when there was one (a CSAT rating). */
    rating: integer('rating'),
    comment: text('comment'),
    class: text('class', { enum: ['appreciation', 'undertone', 'concern', 'complaint', 'escalation'] }),
    sentiment: real('sentiment'),
    classifiedBy: text('classified_by', { enum: ['rules', 'openai'] }),
    /** The ticket opened to follow it up (a low score, a complaint, an escalation), if one was. */
    followUpTicketId: integer('follow_up_ticket_id').references(() => tickets.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('feedback_created').on(t.createdAt),
    index('feedback_ticket').on(t.ticketId),
    // Each waiting ticket is looked up here: a follow-up of feedback is listed first in its queue.
    index('feedback_follow_up').on(t.followUpTicketId),
    // The latest of each class, for `feedback recent`.
    index('feedback_class_created').on(t.class, t.createdAt),
  ],
);
