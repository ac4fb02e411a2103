import { assessMaturity, type Maturity } from './maturity.ts';
import type { MetricsReport } from './metrics-report.ts';

/** The figures a CoE lead looks at first: counts, and rates as 0–1 (null when there was nothing to rate). */
export interface HeadlineFigures {
  questions: number;
  activeUsers: number;
  newUsers: number;
  returningUsers: number;
  deflectionRate: number | null;
  helpfulRate: number | null;
  ticketsOpened: number;
  ticketsResolved: number;
  backlog: number;
  escalations: number;
  firstContactResolution: number | null;
  slaCompliance: number | null;
  breaches: number;
  csat: number | null;
  csatAverage: number | null;
  csatResponses: number;
  csatResponseRate: number | null;
  maturityLevel: number;
}

export type HeadlineKey = keyof HeadlineFigures;

export function headlineOf(report: MetricsReport, maturity: Maturity = assessMaturity(report)): HeadlineFigures {
  const { adoption, deflection, tickets, sla, satisfaction } = report;
  return {
    questions: adoption.questions,
    activeUsers: adoption.activeUsers,
    newUsers: adoption.newUsers,
    returningUsers: adoption.returningUsers,
    deflectionRate: deflection.deflectionRate,
    helpfulRate: deflection.helpfulRate,
    ticketsOpened: tickets.opened.total,
    ticketsResolved: tickets.resolved.total,
    backlog: tickets.backlog.total,
    escalations: tickets.escalations.total,
    firstContactResolution: tickets.firstContact.rate,
    slaCompliance: sla.compliance.rate,
    breaches: sla.breaches.total,
    csat: satisfaction.csat.csat,
    csatAverage: satisfaction.csat.average,
    csatResponses: satisfaction.csat.responses,
    csatResponseRate: satisfaction.csat.responseRate,
    maturityLevel: maturity.level,
  };
}
