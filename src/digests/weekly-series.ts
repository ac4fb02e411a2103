import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../store/db.ts';
import { deflectionCounts, deflectionOf, deflectionRow, questionsAsked } from './deflection-metrics.ts';
import { shiftWeek, weekPeriod } from './iso-week.ts';
import { onPlatform, periodTable } from './period-table-sql.ts';
import { queryRows } from './query-rows.ts';
import { csatAsked, csatCounts, csatOf, csatRow } from './satisfaction-metrics.ts';

/** One ISO week of the trend: the same figures, by the same definitions, as that week's report. */
export interface WeekPoint {
  week: string;
  questions: number;
  /** 0–1, null for a week with no questions (a gap in the chart, not a zero). */
  deflectionRate: number | null;
  /** 0–1, null for a week with no CSAT response. */
  csat: number | null;
}

export interface WeeklySeriesQuery {
  /** The newest week shown, `2026-W48`. */
  lastWeek: string;
  /** How many weeks, ending with `lastWeek`. */
  weeks: number;
  /** COE_TIME_ZONE: each week is its seven local days there. */
  timeZone: string;
  /** Only people on this platform (`slack`, `teams`, `local`), as adoption's by-platform split. */
  platform?: string;
}

const keyed = <T extends z.ZodRawShape>(shape: z.ZodObject<T>) => shape.extend({ key: z.string() });

/**
 * The last `weeks` weeks, oldest first, in two queries however many weeks: each measure's own fragments are
 * joined to a table of the weeks and grouped by week, so a week here and in `measurePeriod` cannot differ.
 */
export async function measureWeeklySeries(db: DbOrTx, query: WeeklySeriesQuery): Promise<WeekPoint[]> {
  const weeks = Array.from({ length: query.weeks }, (_, i) => shiftWeek(query.lastWeek, i - query.weeks + 1));
  const table = periodTable(weeks.map((week) => ({ key: week, period: weekPeriod(week, query.timeZone) })));
  const questions = await queryRows(
    db,
    sql`select w.key, ${deflectionCounts} from ${table}
      left join lateral (${questionsAsked(sql`w.from_at`, sql`w.to_at`, onPlatform(sql`i.person_id`, query.platform))}) q on true
      group by w.key`,
    keyed(deflectionRow),
  );
  const csat = await queryRows(
    db,
    sql`select w.key, ${csatCounts} from ${table}
      left join lateral (${csatAsked(sql`w.from_at`, sql`w.to_at`, onPlatform(sql`a.person_id`, query.platform))}) c on true
      group by w.key`,
    keyed(csatRow),
  );
  const byWeek = <R extends { key: string }>(rows: R[]) => new Map(rows.map((r) => [r.key, r]));
  const [q, c] = [byWeek(questions), byWeek(csat)];
  return weeks.map((week) => {
    const asked = q.get(week);
    const rated = c.get(week);
    if (!asked || !rated) throw new Error(`the weekly series has no row for ${week}`);
    const deflection = deflectionOf(asked);
    return {
      week,
      questions: deflection.questions,
      deflectionRate: deflection.deflectionRate,
      csat: csatOf(rated).csat,
    };
  });
}
