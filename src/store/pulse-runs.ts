import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { PlaceRef } from '../model/identity.ts';
import type { PulseSurvey } from '../model/pulse-survey.ts';
import type { Db, DbOrTx } from './db.ts';
import { pulseControls, pulseRuns, surveyAsks } from './survey-schema.ts';

export type PulseRun = typeof pulseRuns.$inferSelect;
export type PulseAsk = typeof surveyAsks.$inferSelect;

/**
 * Starts the run of a survey for one slot, once: undefined when that slot was started already (by another
 * process, or before a restart), so two replicas that both see it due send it once between them.
 */
export async function startPulseRun(
  db: DbOrTx,
  run: {
    surveyId: string;
    slot: Date;
    trigger: 'schedule' | 'send_now';
    requestedBy?: number;
    survey: PulseSurvey;
    startedAt: Date;
  },
): Promise<PulseRun | undefined> {
  const [row] = await db.insert(pulseRuns).values(run).onConflictDoNothing().returning();
  return row;
}

/** Who a run asks, each once (skipped ones with their reason), then marks the run ready to send. */
export async function planPulseRun(
  db: Db,
  runId: number,
  asks: readonly { personId: number; place: PlaceRef; skipped?: string }[],
  times: { askedAt: Date; expiresAt: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < asks.length; i += 500) {
      const rows = asks.slice(i, i + 500).map((a) => ({ kind: 'pulse' as const, runId, ...times, ...a }));
      await tx.insert(surveyAsks).values(rows).onConflictDoNothing();
    }
    await tx.update(pulseRuns).set({ plannedAt: times.askedAt }).where(eq(pulseRuns.id, runId));
  });
}

/** Runs begun and not finished (a restart picks them up), oldest first. */
export async function unfinishedPulseRuns(db: DbOrTx): Promise<PulseRun[]> {
  return db.select().from(pulseRuns).where(isNull(pulseRuns.finishedAt)).orderBy(asc(pulseRuns.id));
}

/**
 * Takes up to `limit` of a run's asks not yet sent, marking them sent first: a process that dies after
 * taking them loses those sends rather than repeating them, and two processes never take the same ask.
 */
export async function takeAsksToSend(db: Db, runId: number, limit: number, at: Date): Promise<PulseAsk[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: surveyAsks.id })
      .from(surveyAsks)
      .where(and(eq(surveyAsks.runId, runId), isNull(surveyAsks.skipped), isNull(surveyAsks.sentAt)))
      .orderBy(asc(surveyAsks.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(surveyAsks)
      .set({ sentAt: at })
      .where(
        inArray(
          surveyAsks.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/**
 * A run's asks not sent by the time they close (a run held by `survey pause` past its answer window) are
 * kept as skipped, `closed_before_sent`: a survey nobody can answer is not sent, and they are still counted.
 */
export async function skipClosedUnsent(db: DbOrTx, runId: number, now: Date): Promise<number> {
  const rows = await db
    .update(surveyAsks)
    .set({ skipped: 'closed_before_sent' })
    .where(
      and(
        eq(surveyAsks.runId, runId),
        isNull(surveyAsks.skipped),
        isNull(surveyAsks.sentAt),
        lte(surveyAsks.expiresAt, now),
      ),
    )
    .returning({ id: surveyAsks.id });
  return rows.length;
}

/** An ask the platform did not take: counted as not delivered, with why. */
export async function markNotDelivered(db: DbOrTx, askId: number, why: string): Promise<void> {
  await db.update(surveyAsks).set({ notDelivered: why }).where(eq(surveyAsks.id, askId));
}

/** Finishes a run once none of its asks wait to be sent; true when it is finished now. */
export async function finishIfSent(db: DbOrTx, runId: number, at: Date): Promise<boolean> {
  const [waiting] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyAsks)
    .where(and(eq(surveyAsks.runId, runId), isNull(surveyAsks.skipped), isNull(surveyAsks.sentAt)));
  if ((waiting?.n ?? 0) > 0) return false;
  await db
    .update(pulseRuns)
    .set({ finishedAt: at })
    .where(and(eq(pulseRuns.id, runId), isNull(pulseRuns.finishedAt)));
  return true;
}

export async function findPulseRun(db: DbOrTx, id: number): Promise<PulseRun | undefined> {
  const [row] = await db.select().from(pulseRuns).where(eq(pulseRuns.id, id));
  return row;
}

/** A survey's newest run, if it ever ran. */
export async function latestPulseRun(db: DbOrTx, surveyId: string): Promise<PulseRun | undefined> {
  const [row] = await db
    .select()
    .from(pulseRuns)
    .where(eq(pulseRuns.surveyId, surveyId))
    .orderBy(desc(pulseRuns.startedAt), desc(pulseRuns.id))
    .limit(1);
  return row;
}

/** Records `survey pause` or `survey resume`. */
export async function controlPulse(
  db: DbOrTx,
  control: { surveyId: string; action: 'pause' | 'resume'; by: number; at: Date },
): Promise<void> {
  await db.insert(pulseControls).values(control);
}

/** The surveys whose newest control is a pause. */
export async function pausedPulseSurveys(db: DbOrTx): Promise<Set<string>> {
  const rows = await db
    .selectDistinctOn([pulseControls.surveyId], { surveyId: pulseControls.surveyId, action: pulseControls.action })
    .from(pulseControls)
    .orderBy(pulseControls.surveyId, desc(pulseControls.id));
  return new Set(rows.filter((r) => r.action === 'pause').map((r) => r.surveyId));
}

/** Whether a survey stood paused at `at`: the newest pause or resume said by then was a pause. */
export async function pulsePausedAt(db: DbOrTx, surveyId: string, at: Date): Promise<boolean> {
  const [row] = await db
    .select({ action: pulseControls.action })
    .from(pulseControls)
    .where(and(eq(pulseControls.surveyId, surveyId), lte(pulseControls.at, at)))
    .orderBy(desc(pulseControls.at), desc(pulseControls.id))
    .limit(1);
  return row?.action === 'pause';
}

/** The newest pulse sent to a person that is still open, if any: what `survey answer` answers. */
export async function openPulseAskOf(db: DbOrTx, personId: number, now: Date): Promise<PulseAsk | undefined> {
  const [row] = await db
    .select()
    .from(surveyAsks)
    .where(
      and(
        eq(surveyAsks.kind, 'pulse'),
        eq(surveyAsks.personId, personId),
        isNotNull(surveyAsks.sentAt),
        isNull(surveyAsks.notDelivered),
        gt(surveyAsks.expiresAt, now),
      ),
    )
    .orderBy(desc(surveyAsks.id))
    .limit(1);
  return row;
}
