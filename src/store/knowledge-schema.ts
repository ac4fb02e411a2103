import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { interactions, people } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Questions people confirmed an article answers (a helpful click, a pick from "Which of these?"), used in
 * ranking from then on. Admins can remove one: it is marked, not deleted, and stays removed.
 */
export const learnedPhrasings = pgTable(
  'learned_phrasings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    articleId: text('article_id').notNull(),
    phrasing: text('phrasing').notNull(),
    /** Lower case, single spaces: "How do I  Print?" and "how do i print?" are one phrasing. */
    normalized: text('normalized').notNull(),
    interactionId: uuid('interaction_id').references(() => interactions.id),
    createdAt: at('created_at').notNull().defaultNow(),
    removedAt: at('removed_at'),
    removedBy: integer('removed_by').references(() => people.id),
  },
  (t) => [uniqueIndex('learned_phrasings_once').on(t.articleId, t.normalized)],
);

/**
 * Article embeddings, one per article version and model: `content_hash` is the SHA-256 of the text that
 * was embedded, so an edited article is embedded again and an unchanged one never is. Older versions are
 * left in place (a handful of rows per edit).
 */
export const articleEmbeddings = pgTable(
  'article_embeddings',
  {
    articleId: text('article_id').notNull(),
    model: text('model').notNull(),
    contentHash: text('content_hash').notNull(),
    vector: real('vector').array().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.model, t.contentHash] })],
);

/** What a calibration measured on the logged outcomes at a threshold (see calibration/choose-threshold.ts). */
export interface MeasuredRates {
  answeredCorrect: number;
  wrongRate: number;
  answered: number;
}

/**
 * Every refit of the answer decision, and every reset to the shipped curve, with its figures: the newest row
 * is the decision in use on every replica. Rows are only added, never changed or deleted.
 */
export const answerCalibrations = pgTable('answer_calibrations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  method: text('method', { enum: ['shipped', 'fitted'] }).notNull(),
  reason: text('reason', { enum: ['fitted', 'too_few_outcomes', 'not_better', 'reset'] }).notNull(),
  kind: text('kind', { enum: ['meaning', 'words'] }).notNull(),
  weights: real('weights').array().notNull(),
  offset: real('offset').notNull(),
  threshold: real('threshold').notNull(),
  maxWrongRate: real('max_wrong_rate').notNull(),
  outcomes: integer('outcomes').notNull(),
  expected: jsonb('expected').$type<MeasuredRates>().notNull(),
  shipped: jsonb('shipped').$type<MeasuredRates>().notNull(),
  /** Who asked (`kb calibrate`, `kb calibrate reset`); null for the weekly job. */
  requestedBy: integer('requested_by').references(() => people.id),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * What 👎 taught: a question (normalised as for learned phrasings) an article was said not to help with. The
 * votes behind it are read from the interactions since it was opened (learning/feedback-votes.ts); admins
 * can remove one (`kb forget F<n>`), which marks it, and a later 👎 opens a new one.
 */
export const feedbackLessons = pgTable(
  'feedback_lessons',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    articleId: text('article_id').notNull(),
    question: text('question').notNull(),
    normalized: text('normalized').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    removedAt: at('removed_at'),
    removedBy: integer('removed_by').references(() => people.id),
  },
  (t) => [uniqueIndex('feedback_lessons_open').on(t.articleId, t.normalized).where(sql`${t.removedAt} is null`)],
);
