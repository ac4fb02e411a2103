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
 * Every figure for one period, each an aggregate computed in the database. The queries are independent, so
 * they are sent together: on Postgres each takes a connection of the pool and they run side by side (a
 * period at 1 M tickets is seconds of reads, most of it waiting on pages); PGlite has one connection and
 * queues them itself, one after the other, as before.
 */
export async function measurePeriod(db: DbOrTx, period: Period, sla: SlaPolicies): Promise<MetricsReport> {
  const [adoption, deflection, counts, escalations, times, slaFigures, satisfaction, pulse, staffing] =
    await Promise.all([
      measureAdoption(db, period),
      measureDeflection(db, period),
      measureTicketCounts(db, period),
      measureEscalations(db, period),
      measureTicketTimes(db, period, sla),
      measureSla(db, period),
      measureSatisfaction(db, period),
      measurePulse(db, period),
      measureStaffing(db),
    ]);
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
