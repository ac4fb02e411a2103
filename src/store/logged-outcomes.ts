import { desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { LoggedQuestion } from '../model/logged-question.ts';
import type { DbOrTx } from './db.ts';
import { interactions, tickets } from './schema.ts';

/** A refit reads at most this many of the newest questions: recent traffic is what the desk now meets. */
export const maxLoggedQuestions = 20_000;

const decisionOf = { answered: 'answer', clarified: 'clarify', declined: 'decline' } as const;

/**
 * The questions logged with their features, newest first, each with what the person did next: 👍 or 👎,
 * the article picked from "Which of these?" (stored on the question), and whether a ticket was opened from it.
 */
export async function loggedQuestions(db: DbOrTx, limit = maxLoggedQuestions): Promise<LoggedQuestion[]> {
  const rows = await db
    .select({
      outcome: interactions.outcome,
      features: interactions.features,
      articleId: interactions.articleId,
      top: sql<string | null>`${interactions.candidates}->0->>'articleId'`,
      helpful: interactions.helpful,
      // At most one ticket comes from a question (tickets_source_interaction is unique).
      ticket: tickets.id,
    })
    .from(interactions)
    .leftJoin(tickets, eq(tickets.sourceInteractionId, interactions.id))
    .where(isNotNull(interactions.features))
    .orderBy(desc(interactions.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    decision: decisionOf[r.outcome],
    features: r.features ?? [],
    top: r.top ?? undefined,
    helpful: r.helpful,
    // A clarified question's article is the one picked; an answered one's is what it was answered with.
    picked: r.outcome === 'clarified' ? (r.articleId ?? undefined) : undefined,
    human: r.ticket !== null,
  }));
}
