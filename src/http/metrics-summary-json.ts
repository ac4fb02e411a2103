import type { HeadlineFigures, HeadlineKey } from '../digests/headline-figures.ts';
import type { PeriodComparison } from '../digests/week-over-week.ts';

/**
 * The JSON names of the headline figures. The first fourteen are a contract (other checks and the dashboard
 * read them): renaming one breaks them. A new headline figure must be given its name here.
 */
const jsonNames: Record<HeadlineKey, string> = {
  questions: 'questions',
  activeUsers: 'active_users',
  newUsers: 'new_users',
  deflectionRate: 'deflection_rate',
  helpfulRate: 'helpful_rate',
  ticketsOpened: 'tickets_opened',
  ticketsResolved: 'tickets_resolved',
  backlog: 'backlog',
  firstContactResolution: 'first_contact_resolution',
  slaCompliance: 'sla_compliance',
  breaches: 'breaches',
  csat: 'csat',
  csatResponses: 'csat_responses',
  maturityLevel: 'maturity_level',
  returningUsers: 'returning_users',
  escalations: 'escalations',
  csatAverage: 'csat_average',
  csatResponseRate: 'csat_response_rate',
};

const named = (figures: Record<HeadlineKey, number | null>) =>
  Object.fromEntries((Object.keys(jsonNames) as HeadlineKey[]).map((k) => [jsonNames[k], figures[k]])) as Record<
    string,
    number | null
  >;

/** The summary: the period's headline figures, what holds its maturity level, and last period's for comparison. */
export function toSummaryJson(c: PeriodComparison) {
  const { period } = c.current;
  const previous: HeadlineFigures = c.previousHeadline;
  return {
    from: period.fromDate,
    to: period.toDate,
    time_zone: period.timeZone,
    ...named(c.headline),
    maturity: { level: c.maturity.level, name: c.maturity.name, held_by: c.maturity.heldBy.map((h) => h.text) },
    previous: { from: c.previous.period.fromDate, to: c.previous.period.toDate, ...named(previous) },
    change: named(
      Object.fromEntries(Object.entries(c.changes).map(([k, v]) => [k, v.delta])) as Record<HeadlineKey, number | null>,
    ),
  };
}
