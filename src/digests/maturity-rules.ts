/**
 * What each support maturity level asks of the desk, as data: a level is reached when every rule of it and
 * of the levels below holds. Thresholds are named here so a CoE can read (and change) them in one place;
 * each rule is tested on its own in test/unit/digests/maturity-rules.test.ts.
 *
 *   200 repeatable  questions come in and tickets are resolved
 *   300 defined     the help desk handles known issues and extended support stands behind it (tiers in use)
 *   400 capable     SLAs are held and a dedicated team works them
 *   500 efficient   routine support is automated, feedback flows both ways, satisfaction is a met KPI
 */
import { type MaturityLevel, maturityCopy } from '../messages/maturity-copy.ts';
import type { MetricsReport } from './metrics-report.ts';
import { followUpGraceDays } from './satisfaction-metrics.ts';

export const maturityThresholds = {
  /** Questions the knowledge base answered (outright or by a pick), as a share of all questions. */
  knownIssuesAnswered: 0.2,
  slaCompliance: 0.9,
  /** Agents on the desk (leads and admins oversee; they are not the team). */
  dedicatedAgents: 2,
  deflection: 0.3,
  csatResponseRate: 0.3,
  csat: 0.8,
  /** A pulse survey must have run within this many days of the period's end. */
  pulseDays: 90,
} as const;

export interface MaturityRule {
  id: string;
  /** The level this rule is needed for. */
  level: Exclude<MaturityLevel, 100>;
  holds(report: MetricsReport): boolean;
  /** What falls short, in words, when it does not hold. */
  shortfall(report: MetricsReport): string;
}

const t = maturityThresholds;
const atLeast = (value: number | null, needed: number) => value !== null && value >= needed;
const dayMs = 86_400_000;

const answeredShare = (r: MetricsReport) =>
  r.deflection.questions === 0 ? null : (r.deflection.answered + r.deflection.settledByPick) / r.deflection.questions;
const agents = (r: MetricsReport) => Object.values(r.staffing.agents).reduce((n, a) => n + a, 0);
const pulseRecent = (r: MetricsReport) =>
  r.satisfaction.pulse.lastRunAt !== null &&
  r.period.to.getTime() - r.satisfaction.pulse.lastRunAt.getTime() <= t.pulseDays * dayMs;

export const maturityRules: readonly MaturityRule[] = [
  {
    id: 'questions-asked',
    level: 200,
    holds: (r) => r.deflection.questions > 0,
    shortfall: () => maturityCopy.questionsAsked,
  },
  {
    id: 'tickets-resolved',
    level: 200,
    holds: (r) => r.tickets.resolved.total > 0,
    shortfall: () => maturityCopy.ticketsResolved,
  },
  {
    id: 'known-issues-answered',
    level: 300,
    holds: (r) => atLeast(answeredShare(r), t.knownIssuesAnswered),
    shortfall: (r) => maturityCopy.knownIssuesAnswered(answeredShare(r), t.knownIssuesAnswered),
  },
  {
    id: 'tiers-in-use',
    level: 300,
    holds: (r) => r.tickets.escalations.total > 0,
    shortfall: () => maturityCopy.tiersInUse,
  },
  {
    id: 'sla-held',
    level: 400,
    holds: (r) => atLeast(r.sla.compliance.rate, t.slaCompliance),
    shortfall: (r) => maturityCopy.slaHeld(r.sla.compliance.rate, t.slaCompliance),
  },
  {
    id: 'dedicated-team',
    level: 400,
    holds: (r) => agents(r) >= t.dedicatedAgents,
    shortfall: (r) => maturityCopy.dedicatedTeam(agents(r), t.dedicatedAgents),
  },
  {
    id: 'routine-automated',
    level: 500,
    holds: (r) => atLeast(r.deflection.deflectionRate, t.deflection),
    shortfall: (r) => maturityCopy.routineAutomated(r.deflection.deflectionRate, t.deflection),
  },
  {
    id: 'surveys-answered',
    level: 500,
    holds: (r) => atLeast(r.satisfaction.csat.responseRate, t.csatResponseRate),
    shortfall: (r) => maturityCopy.surveysAnswered(r.satisfaction.csat.responseRate, t.csatResponseRate),
  },
  {
    id: 'follow-ups-closed',
    level: 500,
    holds: (r) => r.satisfaction.followUps.openOverGrace === 0,
    shortfall: (r) => maturityCopy.followUpsClosed(r.satisfaction.followUps.openOverGrace, followUpGraceDays),
  },
  {
    id: 'pulse-recent',
    level: 500,
    holds: pulseRecent,
    shortfall: () => maturityCopy.pulseRecent(t.pulseDays),
  },
  {
    id: 'satisfaction-kpi',
    level: 500,
    holds: (r) => atLeast(r.satisfaction.csat.csat, t.csat),
    shortfall: (r) => maturityCopy.satisfactionKpi(r.satisfaction.csat.csat, t.csat),
  },
];
