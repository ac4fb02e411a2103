/**
 * The desk's figures over one period, as plain numbers and dates: what the weekly digest, the dashboard, the
 * exports and the summary API all read. Nothing here is formatted; each view renders it its own way.
 */
import type { Adoption } from './adoption-metrics.ts';
import type { Deflection } from './deflection-metrics.ts';
import type { Escalations } from './escalation-metrics.ts';
import type { Period } from './period.ts';
import type { PulseFigures } from './pulse-metrics.ts';
import type { Satisfaction } from './satisfaction-metrics.ts';
import type { SlaFigures } from './sla-metrics.ts';
import type { Staffing } from './staff-metrics.ts';
import type { TicketCounts } from './ticket-count-metrics.ts';
import type { TicketTimes } from './ticket-time-metrics.ts';

export interface MetricsReport {
  period: Period;
  adoption: Adoption;
  deflection: Deflection;
  tickets: TicketCounts & { escalations: Escalations; times: TicketTimes };
  sla: SlaFigures;
  satisfaction: Satisfaction & { pulse: PulseFigures };
  staffing: Staffing;
}
