import type { SlaPolicies } from '../sla/sla-policy.ts';
import type { DbOrTx } from '../store/db.ts';
import { measureAdoption } from './adoption-metrics.ts';
import { measureDeflection } from './deflection-metrics.ts';
import { measureEscalations } from './escalation-metrics.ts';
import type { MetricsReport } from './metrics-report.ts';
import type { Period } from './period.ts';
import { measurePulse } from './pulse-metrics.ts';
import { measureSatisfaction } from './satisfaction-metrics.ts';
import { measureSla } from './sla-metrics.ts';
import { measureStaffing } from './staff-metrics.ts';
import { measureTicketCounts } from './ticket-count-metrics.ts';
import { measureTicketTimes } from './ticket-time-metrics.ts';

/**
 * Every figure for one period, each an aggregate computed in the database. The queries run one after the
 * other: PGlite has a single connection, and on Postgres a report is a handful of short reads.
 */
export async function measurePeriod(db: DbOrTx, period: Period, sla: SlaPolicies): Promise<MetricsReport> {
  const adoption = await measureAdoption(db, period);
  const deflection = await measureDeflection(db, period);
  const counts = await measureTicketCounts(db, period);
  const escalations = await measureEscalations(db, period);
  const times = await measureTicketTimes(db, period, sla);
  const slaFigures = await measureSla(db, period);
  const satisfaction = await measureSatisfaction(db, period);
  const pulse = await measurePulse(db, period);
  const staffing = await measureStaffing(db);
  return {
    period,
    adoption,
    deflection,
    tickets: { ...counts, escalations, times },
    sla: slaFigures,
    satisfaction: { ...satisfaction, pulse },
    staffing,
  };
}
