import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Posted } from '../model/identity.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Keys the desk makes for itself, once per database (the first process to start writes it, every replica
 * reads the same): what signs the chart and dashboard links, so a link one replica signed opens on another.
 */
export const deskKeys = pgTable('desk_keys', {
  name: text('name').primaryKey(),
  /** Base64 random bytes. */
  secret: text('secret').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * The weekly digest's posts: one row per ISO week and place, claimed before posting, so two processes or a
 * re-run of the job post a week's digest to a place once. A failed post keeps its row with the problem and
 * is tried again by the next run.
 */
export const digestPosts = pgTable(
  'digest_posts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** `2026-W48`: the week the digest reports on. */
    week: text('week').notNull(),
    /** `slack:C0123`, `teams:19:…`, `local:#coe`. */
    place: text('place').notNull(),
    status: text('status', { enum: ['posting', 'posted', 'failed'] }).notNull(),
    claimedAt: at('claimed_at').notNull(),
    postedAt: at('posted_at'),
    posted: jsonb('posted').$type<Posted>(),
    problem: text('problem'),
  },
  (t) => [
    uniqueIndex('digest_posts_once_per_week').on(t.week, t.place),
    check('digest_posts_week_shape', sql`${t.week} ~ '^[0-9]{4}-W[0-9]{2}$'`),
  ],
);

/**
 * The first time the desk saw each article id, written when the knowledge base loads or reloads (insert,
 * on conflict do nothing). Articles carry no publish date of their own, so this is when one went live, unless
 * its front matter says `published:`. The very first load sees every article already written: those rows
 * are `baseline`, not publications.
 */
export const articleSightings = pgTable('article_sightings', {
  articleId: text('article_id').primaryKey(),
  firstSeenAt: at('first_seen_at').notNull(),
  baseline: boolean('baseline').notNull().default(false),
});
