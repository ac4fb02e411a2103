import { and, desc, eq, exists, gte, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { interactions, ticketEvents, tickets } from './schema.ts';

/** Why a question counts as a gap in the knowledge base. */
export const gapReasons = ['declined', 'not_helpful', 'escalated'] as const;
export type GapReason = (typeof gapReasons)[number];

export interface GapQuestion {
  question: string;
  at: Date;
  /** One question can be several kinds of gap: not helpful, then taken to a person. */
  reasons: readonly GapReason[];
  /** The article the desk offered for it, if it offered one. */
  suggested?: string | undefined;
}

/**
 * Questions the knowledge base did not settle since `since` (and before `until`, when given: a report's
 * period), newest first and at most `limit`: declined,
 * marked not helpful, or taken to a person (a ticket opened from the question). Tickets opened without a
 * question (`ticket <subject>`, the form) count by their subject once they were escalated past Tier 1.
 * `platform` keeps only the questions asked there (the dashboard's filter).
 */
export async function listGapQuestions(
  db: DbOrTx,
  since: Date,
  limit: number,
  /** Only questions asked on this platform; only those before `until` (a period's end). */
  options: { platform?: string | undefined; until?: Date | undefined } = {},
): Promise<GapQuestion[]> {
  const { platform, until } = options;
  const askedOn = platform === undefined ? sql`true` : sql`${interactions.place}->>'platform' = ${platform}`;
  const openedOn = platform === undefined ? sql`true` : sql`${tickets.origin}->>'platform' = ${platform}`;
  const asked = await db
    .select({
      question: interactions.question,
      at: interactions.createdAt,
      outcome: interactions.outcome,
      helpful: interactions.helpful,
      articleId: interactions.articleId,
      candidates: interactions.candidates,
      ticketId: tickets.id,
    })
    .from(interactions)
    .leftJoin(tickets, eq(tickets.sourceInteractionId, interactions.id))
    .where(
      and(
        gte(interactions.createdAt, since),
        askedOn,
        until ? lt(interactions.createdAt, until) : undefined,
        or(eq(interactions.outcome, 'declined'), eq(interactions.helpful, false), isNotNull(tickets.id)),
      ),
    )
    .orderBy(desc(interactions.createdAt))
    .limit(limit);
  const escalated = await db
    .select({ question: tickets.subject, at: tickets.createdAt })
    .from(tickets)
    .where(
      and(
        isNull(tickets.sourceInteractionId),
        gte(tickets.createdAt, since),
        openedOn,
        until ? lt(tickets.createdAt, until) : undefined,
        exists(
          db
            .select({ id: ticketEvents.id })
            .from(ticketEvents)
            .where(and(eq(ticketEvents.ticketId, tickets.id), inArray(ticketEvents.kind, ['escalated', 'vendor']))),
        ),
      ),
    )
    .orderBy(desc(tickets.createdAt))
    .limit(limit);
  const fromQuestions = asked.map((r): GapQuestion => {
    const reasons: GapReason[] = [];
    if (r.outcome === 'declined') reasons.push('declined');
    if (r.helpful === false) reasons.push('not_helpful');
    if (r.ticketId !== null) reasons.push('escalated');
    // What the person was shown: the answer, or the top choice of "Which of these?"; a decline shows none.
    const suggested = r.articleId ?? (r.outcome === 'clarified' ? r.candidates[0]?.articleId : undefined);
    return { question: r.question, at: r.at, reasons, suggested };
  });
  const fromTickets = escalated.map((r): GapQuestion => ({ ...r, reasons: ['escalated'] }));
  return [...fromQuestions, ...fromTickets].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
