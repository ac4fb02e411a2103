import type { SlaPolicies } from '../sla/sla-policy.ts';
import type { DbOrTx } from '../store/db.ts';
import { shiftWeek, weekPeriod } from './iso-week.ts';
import { measurePeriod } from './measure-period.ts';

/** One week's point on the dashboard's trends: rates as 0–1, null when there was nothing to rate. */
export interface WeeklyValue {
  week: string;
  questions: number;
  deflectionRate: number | null;
  csat: number | null;
}

/**
 * The `weeks` ISO weeks ending with `lastWeek`, oldest first, each measured whole (a dozen short reports).
 * A stand-in the weekly series of the digest's chart is meant to replace: same points, one query set.
 */
export async function measureWeeklyValues(
  db: DbOrTx,
  lastWeek: string,
  timeZone: string,
  sla: SlaPolicies,
  weeks = 12,
): Promise<WeeklyValue[]> {
  const values: WeeklyValue[] = [];
  for (let back = weeks - 1; back >= 0; back -= 1) {
    const week = shiftWeek(lastWeek, -back);
    const report = await measurePeriod(db, weekPeriod(week, timeZone), sla);
    values.push({
      week,
      questions: report.adoption.questions,
      deflectionRate: report.deflection.deflectionRate,
      csat: report.satisfaction.csat.csat,
    });
  }
  return values;
}
