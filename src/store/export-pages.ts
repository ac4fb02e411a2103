import { and, asc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './db.ts';
import { feedback, interactions, people, ticketEvents, tickets } from './schema.ts';

/**
 * The exports' reads: one page at a time, each page starting after the last row of the one before (keyset),
 * so a year's export never holds more than a page, each page is one short query on either driver, and other
 * work (PGlite has one connection) runs between pages.
 */
export interface Span {
  from: Date;
  to: Date;
}

const requester = alias(people, 'requester');
const assignee = alias(people, 'assignee');

/** Tickets opened in the span, in id order (the order they were opened), after ticket `after`. */
export async function ticketPage(db: DbOrTx, span: Span, after: number, limit: number) {
  return db
    .select({
      ticket: tickets,
      requester: {
        platform: requester.platform,
        workspace: requester.workspace,
        userId: requester.userId,
        displayName: requester.displayName,
      },
      assignee: {
        platform: assignee.platform,
        workspace: assignee.workspace,
        userId: assignee.userId,
        displayName: assignee.displayName,
      },
    })
    .from(tickets)
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .where(and(gte(tickets.createdAt, span.from), lt(tickets.createdAt, span.to), gt(tickets.id, after)))
    .orderBy(asc(tickets.id))
    .limit(limit);
}

/** Ticket changes made in the span, in the order they were appended. */
export async function ticketEventPage(db: DbOrTx, span: Span, after: number, limit: number) {
  return db
    .select({
      event: ticketEvents,
      actor: {
        platform: people.platform,
        workspace: people.workspace,
        userId: people.userId,
        displayName: people.displayName,
      },
    })
    .from(ticketEvents)
    .leftJoin(people, eq(people.id, ticketEvents.actorId))
    .where(and(gte(ticketEvents.at, span.from), lt(ticketEvents.at, span.to), gt(ticketEvents.id, after)))
    .orderBy(asc(ticketEvents.id))
    .limit(limit);
}

/** Feedback given in the span, in id order. */
export async function feedbackPage(db: DbOrTx, span: Span, after: number, limit: number) {
  return db
    .select({
      feedback,
      person: {
        platform: people.platform,
        workspace: people.workspace,
        userId: people.userId,
        displayName: people.displayName,
      },
    })
    .from(feedback)
    .innerJoin(people, eq(people.id, feedback.personId))
    .where(and(gte(feedback.createdAt, span.from), lt(feedback.createdAt, span.to), gt(feedback.id, after)))
    .orderBy(asc(feedback.id))
    .limit(limit);
}

/** Where an interactions page ended: its ids are random, so the order is (created_at, id). */
export interface InteractionCursor {
  /** created_at as the database writes it, microseconds included: a JS Date would round them off. */
  at: string;
  id: string;
}

/** Questions asked in the span, oldest first, after `after` (nothing: from the start). */
export async function interactionPage(db: DbOrTx, span: Span, after: InteractionCursor | undefined, limit: number) {
  return db
    .select({
      interaction: interactions,
      person: {
        platform: people.platform,
        workspace: people.workspace,
        userId: people.userId,
        displayName: people.displayName,
      },
      cursorAt: sql<string>`${interactions.createdAt}::text`,
    })
    .from(interactions)
    .innerJoin(people, eq(people.id, interactions.personId))
    .where(
      and(
        gte(interactions.createdAt, span.from),
        lt(interactions.createdAt, span.to),
        after
          ? sql`(${interactions.createdAt}, ${interactions.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(interactions.createdAt), asc(interactions.id))
    .limit(limit);
}
