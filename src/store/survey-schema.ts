import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PlaceRef } from '../model/identity.ts';
import { interactions, people, tickets } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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
  },
  (t) => [
    uniqueIndex('survey_asks_one_per_resolution').on(t.ticketId, t.ticketVersion).where(sql`${t.kind} = 'csat'`),
    index('survey_asks_person').on(t.personId, t.askedAt),
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
