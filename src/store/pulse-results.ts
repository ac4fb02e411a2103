import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { people } from './schema.ts';
import { surveyAnswers, surveyAsks } from './survey-schema.ts';

/** One person's standing answer to one question of a run (the newest they gave). */
export interface StandingAnswer {
  askId: number;
  personId: number;
  displayName: string;
  platform: string;
  question: string;
  score?: number;
  text?: string;
}

/** How a run's asks went: sent, skipped (by reason), not delivered, and how many people answered anything. */
export interface RunCounts {
  sent: number;
  skipped: Record<string, number>;
  notDelivered: number;
  answered: number;
}

export async function standingAnswersOfRun(db: DbOrTx, runId: number): Promise<StandingAnswer[]> {
  const rows = await db
    .selectDistinctOn([surveyAnswers.askId, surveyAnswers.question], {
      askId: surveyAnswers.askId,
      personId: surveyAsks.personId,
      displayName: people.displayName,
      platform: people.platform,
      question: surveyAnswers.question,
      score: surveyAnswers.score,
      text: surveyAnswers.text,
    })
    .from(surveyAnswers)
    .innerJoin(surveyAsks, eq(surveyAsks.id, surveyAnswers.askId))
    .innerJoin(people, eq(people.id, surveyAsks.personId))
    .where(eq(surveyAsks.runId, runId))
    .orderBy(surveyAnswers.askId, surveyAnswers.question, desc(surveyAnswers.id));
  return rows.map(({ score, text, ...rest }) => ({
    ...rest,
    ...(score === null ? {} : { score }),
    ...(text === null ? {} : { text }),
  }));
}

export async function countsOfRun(db: DbOrTx, runId: number): Promise<RunCounts> {
  const rows = await db
    .select({
      skipped: surveyAsks.skipped,
      notDelivered: surveyAsks.notDelivered,
      sent: sql<boolean>`${surveyAsks.sentAt} is not null`,
      n: sql<number>`count(*)::int`,
    })
    .from(surveyAsks)
    .where(and(eq(surveyAsks.runId, runId), eq(surveyAsks.kind, 'pulse')))
    .groupBy(surveyAsks.skipped, surveyAsks.notDelivered, sql`${surveyAsks.sentAt} is not null`);
  const counts: RunCounts = { sent: 0, skipped: {}, notDelivered: 0, answered: 0 };
  for (const r of rows) {
    if (r.skipped) counts.skipped[r.skipped] = (counts.skipped[r.skipped] ?? 0) + r.n;
    else if (r.notDelivered) counts.notDelivered += r.n;
    else if (r.sent) counts.sent += r.n;
  }
  const [answered] = await db
    .select({ n: sql<number>`count(distinct ${surveyAnswers.askId})::int` })
    .from(surveyAnswers)
    .innerJoin(surveyAsks, eq(surveyAsks.id, surveyAnswers.askId))
    .where(eq(surveyAsks.runId, runId));
  counts.answered = answered?.n ?? 0;
  return counts;
}
