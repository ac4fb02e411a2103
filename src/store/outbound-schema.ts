import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Message } from '../messages/message.ts';
import type { PersonRef, Posted } from '../model/identity.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Where an outbound message goes: a place (its address as the outbox takes it), a person, or an edit of a post. */
export type OutboundTarget =
  | { kind: 'place'; address: string }
  | { kind: 'person'; person: PersonRef }
  | { kind: 'edit'; posted: Posted };

/**
 * Proactive messages a platform did not take, kept and retried by the outbox job instead of being lost, and
 * kept after they went out or were given up (a trigger refuses deletes). `delivery_key` names the delivery
 * on every attempt (Slack: in the post's metadata), so a retry finds a post that went out unannounced. A
 * message carrying `remember` is reported where it finally went.
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    deliveryKey: text('delivery_key').notNull(),
    platform: text('platform').notNull(),
    target: jsonb('target').$type<OutboundTarget>().notNull(),
    /** For an edit, the posted message's id: a newer edit of it supersedes one still waiting. */
    editOf: text('edit_of'),
    message: jsonb('message').$type<Message>().notNull(),
    /** What the message is, for logs and admins ("queue card"), and what it is about (`{ ticket: 7 }`). */
    what: text('what').notNull(),
    about: jsonb('about').$type<Record<string, unknown>>().notNull().default({}),
    /** Tries so far, the first one (with the adapter's own quick retries) included. */
    attempts: integer('attempts').notNull().default(1),
    /** The platform's word for the last failure (`not_in_channel`, `timeout`), or `superseded`. */
    lastError: text('last_error'),
    /** Some attempt may have gone out unannounced: the next one looks for it before posting. */
    mayHaveGoneOut: boolean('may_have_gone_out').notNull().default(false),
    /** When the job tries next; null once it went out or was given up. */
    nextAttemptAt: at('next_attempt_at'),
    lastAttemptAt: at('last_attempt_at'),
    /** Where it went in the end. */
    posted: jsonb('posted').$type<Posted>(),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
    givenUpAt: at('given_up_at'),
  },
  (t) => [
    uniqueIndex('outbound_messages_key').on(t.deliveryKey),
    index('outbound_messages_due').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.givenUpAt} is null`),
    index('outbound_messages_edits')
      .on(t.platform, t.editOf)
      .where(sql`${t.editOf} is not null and ${t.sentAt} is null and ${t.givenUpAt} is null`),
    check('outbound_messages_attempts_positive', sql`${t.attempts} > 0`),
  ],
);
