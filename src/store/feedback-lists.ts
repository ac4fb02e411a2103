import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { people } from './schema.ts';
import { feedback, pulseRuns, surveyAsks } from './survey-schema.ts';

type FeedbackRow = typeof feedback.$inferSelect;
export type StoredFeedbackClass = NonNullable<FeedbackRow['class']>;

/** One piece of feedback as a listing shows it: what was said, where, by whom, and its follow-up if any. */
export interface FeedbackEntry {
  source: FeedbackRow['source'];
  comment: string | null;
  rating: number | null;
  ticketId: number | null;
  followUpTicketId: number | null;
  createdAt: Date;
  /** The display name of whoever gave it. */
  name: string;
  /** Said in answer to a pulse survey that promised not to show names. */
  anonymous: boolean;
}

/** The newest feedback of one class, newest first. */
export async function listRecentFeedback(
  db: DbOrTx,
  feedbackClass: StoredFeedbackClass,
  limit: number,
): Promise<FeedbackEntry[]> {
  return db
    .select({
      source: feedback.source,
      comment: feedback.comment,
      rating: feedback.rating,
      ticketId: feedback.ticketId,
      followUpTicketId: feedback.followUpTicketId,
      createdAt: feedback.createdAt,
      name: people.displayName,
      anonymous: sql<boolean>`coalesce((${pulseRuns.survey}->>'anonymous')::boolean, false)`,
    })
    .from(feedback)
    .innerJoin(people, eq(people.id, feedback.personId))
    .leftJoin(surveyAsks, eq(surveyAsks.id, feedback.askId))
    .leftJoin(pulseRuns, eq(pulseRuns.id, surveyAsks.runId))
    .where(eq(feedback.class, feedbackClass))
    .orderBy(desc(feedback.createdAt), desc(feedback.id))
    .limit(limit);
}
