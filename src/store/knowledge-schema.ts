import { integer, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
