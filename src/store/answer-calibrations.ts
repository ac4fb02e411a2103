import { desc, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from './db.ts';
import { answerCalibrations, type MeasuredRates } from './schema.ts';

type Row = typeof answerCalibrations.$inferSelect;

/** What a calibration decided (knowledge/calibration/calibrate.ts makes them). */
export interface CalibrationRecord {
  method: Row['method'];
  reason: Row['reason'];
  kind: Row['kind'];
  curve: { weights: readonly number[]; offset: number };
  threshold: number;
  outcomes: number;
  expected: MeasuredRates;
  shipped: MeasuredRates;
}

/** A calibration as stored: what it decided, with when, on what target and at whose request. */
export type StoredCalibration = CalibrationRecord & {
  id: number;
  maxWrongRate: number;
  requestedBy: number | null;
  createdAt: Date;
};

/** Adds a refit (or a reset) as the newest row: the decision every replica uses from now on. */
export async function saveCalibration(
  db: DbOrTx,
  calibration: CalibrationRecord,
  meta: { maxWrongRate: number; requestedBy?: number; at: Date },
): Promise<StoredCalibration> {
  const { curve, ...rest } = calibration;
  const [row] = await db
    .insert(answerCalibrations)
    .values({
      ...rest,
      weights: [...curve.weights],
      offset: curve.offset,
      maxWrongRate: meta.maxWrongRate,
      requestedBy: meta.requestedBy ?? null,
      createdAt: meta.at,
    })
    .returning();
  if (!row) throw new Error('insert of a calibration returned no row');
  return fromRow(row);
}

/** The decision in use: the newest calibration, or none when the desk has never been calibrated. */
export async function latestCalibration(db: DbOrTx): Promise<StoredCalibration | undefined> {
  const [row] = await db.select().from(answerCalibrations).orderBy(desc(answerCalibrations.id)).limit(1);
  return row ? fromRow(row) : undefined;
}

function fromRow(row: Row): StoredCalibration {
  const { weights, offset, ...rest } = row;
  return { ...rest, curve: { weights, offset } };
}

/** Any fixed number: the same in every process, apart from the migrations' lock. */
const refitLock = 7_242_019;

/**
 * Runs `work` in a transaction holding a lock every replica takes for a scheduled refit, so jobs firing
 * together (two replicas, a retry overlapping a slow run) refit one after the other, and the later one
 * sees the earlier one's refit.
 */
export async function oneRefitAtATime<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${refitLock})`);
    return work(tx);
  });
}
