import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { PlaceRef } from '../model/identity.ts';
import type { Db, DbOrTx } from './db.ts';
import { feedback, surveyAnswers, surveyAsks } from './survey-schema.ts';

export type SurveyAsk = typeof surveyAsks.$inferSelect;

/**
 * The CSAT ask for one resolution of a ticket, made once: undefined when this resolution was asked about
 * already (a retried change, a second process), so nobody is asked twice.
 */
export async function insertCsatAsk(
  db: DbOrTx,
  ask: {
    personId: number;
    ticketId: number;
    ticketVersion: number;
    resolvedAt: Date;
    place: PlaceRef;
    askedAt: Date;
    expiresAt: Date;
    skipped?: string;
  },
): Promise<SurveyAsk | undefined> {
  const [row] = await db
    .insert(surveyAsks)
    .values({ kind: 'csat', ...ask })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function findAsk(db: DbOrTx, id: number): Promise<SurveyAsk | undefined> {
  const [row] = await db.select().from(surveyAsks).where(eq(surveyAsks.id, id));
  return row;
}

/** The newest CSAT ask about a ticket (its latest resolution). */
export async function latestCsatAsk(db: DbOrTx, ticketId: number): Promise<SurveyAsk | undefined> {
  const [row] = await db
    .select()
    .from(surveyAsks)
    .where(and(eq(surveyAsks.kind, 'csat'), eq(surveyAsks.ticketId, ticketId)))
    .orderBy(desc(surveyAsks.id))
    .limit(1);
  return row;
}

/**
 * Records a score for an ask's question, unless it is the score already standing: the same press arriving
 * twice (a retry, a double click, a second device) is one answer. The ask's row is locked meanwhile, so two
 * presses at once are decided one after the other. Returns the score before this one, if any, and whether
 * anything was written.
 */
export async function recordScore(
  db: Db,
  answer: { askId: number; question: string; score: number; answeredAt: Date },
): Promise<{ previous?: number; written: boolean }> {
  const { previous, written } = await recordAnswer(db, answer);
  return { ...(previous?.score === undefined ? {} : { previous: previous.score }), written };
}

/**
 * Records a pulse answer (a score, or a chosen word such as `yes`), on the same terms as a score: the answer
 * already standing is not written again; a different one is added after it. Returns the one before.
 */
export async function recordAnswer(
  db: Db,
  answer: { askId: number; question: string; score?: number; text?: string; answeredAt: Date },
): Promise<{ previous?: { score?: number; text?: string }; written: boolean }> {
  return db.transaction(async (tx) => {
    await tx.select({ id: surveyAsks.id }).from(surveyAsks).where(eq(surveyAsks.id, answer.askId)).for('update');
    const [latest] = await tx
      .select({ score: surveyAnswers.score, text: surveyAnswers.text })
      .from(surveyAnswers)
      .where(and(eq(surveyAnswers.askId, answer.askId), eq(surveyAnswers.question, answer.question)))
      .orderBy(desc(surveyAnswers.id))
      .limit(1);
    const previous = latest
      ? {
          ...(latest.score === null ? {} : { score: latest.score }),
          ...(latest.text === null ? {} : { text: latest.text }),
        }
      : undefined;
    if (latest && (latest.score ?? undefined) === answer.score && (latest.text ?? undefined) === answer.text)
      return { previous: previous ?? {}, written: false };
    await tx.insert(surveyAnswers).values(answer);
    return { ...(previous ? { previous } : {}), written: true };
  });
}

/** The score standing for an ask's question: the newest one given. */
export async function standingScore(db: DbOrTx, askId: number, question: string): Promise<number | undefined> {
  const [latest] = await db
    .select({ score: surveyAnswers.score })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.askId, askId), eq(surveyAnswers.question, question)))
    .orderBy(desc(surveyAnswers.id))
    .limit(1);
  return latest?.score ?? undefined;
}

export type NewFeedback = typeof feedback.$inferInsert;

export async function insertFeedback(db: DbOrTx, row: NewFeedback): Promise<number> {
  const [saved] = await db.insert(feedback).values(row).returning({ id: feedback.id });
  if (!saved) throw new Error('feedback not saved');
  return saved.id;
}

export type StoredComment = { id: number; class: NewFeedback['class']; written: boolean };

/** The same words from the same person on the same survey, if they were kept already. */
export async function sameComment(
  db: DbOrTx,
  row: { askId: number; personId: number; comment: string },
): Promise<StoredComment | undefined> {
  const [same] = await db
    .select({ id: feedback.id, class: feedback.class })
    .from(feedback)
    .where(and(eq(feedback.askId, row.askId), eq(feedback.personId, row.personId), eq(feedback.comment, row.comment)))
    .orderBy(feedback.id)
    .limit(1);
  return same ? { ...same, written: false } : undefined;
}

/**
 * Keeps a comment on a survey once: the same words from the same person on the same ask (a retried submit,
 * a Teams invoke sent again, a second device) are the comment already kept. The ask's row is locked
 * meanwhile, so two at once are decided one after the other.
 */
export async function insertCommentOnce(
  db: Db,
  row: NewFeedback & { askId: number; comment: string },
): Promise<StoredComment> {
  return db.transaction(async (tx) => {
    await tx.select({ id: surveyAsks.id }).from(surveyAsks).where(eq(surveyAsks.id, row.askId)).for('update');
    const same = await sameComment(tx, row);
    if (same) return same;
    return { id: await insertFeedback(tx, row), class: row.class, written: true };
  });
}

/** Links feedback to the ticket opened to follow it up. */
export async function setFollowUp(db: DbOrTx, feedbackId: number, ticketId: number): Promise<void> {
  await db.update(feedback).set({ followUpTicketId: ticketId }).where(eq(feedback.id, feedbackId));
}

/** The follow-up ticket already opened for an ask's feedback, if any: one per ask. */
export async function followUpOfAsk(db: DbOrTx, askId: number): Promise<number | undefined> {
  const [row] = await db
    .select({ ticketId: feedback.followUpTicketId })
    .from(feedback)
    .where(and(eq(feedback.askId, askId), isNotNull(feedback.followUpTicketId)))
    .limit(1);
  return row?.ticketId ?? undefined;
}

/** The feedback a ticket was opened to follow up, if it was: the ticket that feedback is about (or none). */
export async function followUpOrigin(db: DbOrTx, ticketId: number): Promise<{ about: number | null } | undefined> {
  const [row] = await db
    .select({ about: feedback.ticketId })
    .from(feedback)
    .where(eq(feedback.followUpTicketId, ticketId))
    .orderBy(asc(feedback.id))
    .limit(1);
  return row;
}
