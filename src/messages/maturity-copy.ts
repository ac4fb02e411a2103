/** Maturity levels and what holds a desk back from the next one, as a CoE lead reads them in the digest. */

export const maturityLevels = [100, 200, 300, 400, 500] as const;
export type MaturityLevel = (typeof maturityLevels)[number];

/** The names of the common support-strategy maturity models. */
export const maturityNames: Record<MaturityLevel, string> = {
  100: 'initial',
  200: 'repeatable',
  300: 'defined',
  400: 'capable',
  500: 'efficient',
};

const percent = (share: number) => `${Math.round(share * 100)} %`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence per maturity rule, saying what falls short (the rules are in digests/maturity-rules.ts). */
export const maturityCopy = {
  questionsAsked: 'nobody asked the desk a question in the period',
  ticketsResolved: 'no ticket was resolved in the period',
  knownIssuesAnswered: (share: number | null, needed: number) =>
    share === null
      ? 'no questions, so no known issues answered'
      : `only ${percent(share)} of questions answered from the knowledge base (needs ${percent(needed)})`,
  tiersInUse: 'no ticket went past Tier 1 in the period',
  slaHeld: (compliance: number | null, needed: number) =>
    compliance === null
      ? 'no ticket resolved, so SLA compliance is unknown'
      : `SLAs defined but compliance ${percent(compliance)} (needs ${percent(needed)})`,
  dedicatedTeam: (agents: number, needed: number) =>
    `${agents === 0 ? 'no agent' : `only ${plural(agents, 'agent')}`} on the help desk (needs ${needed})`,
  routineAutomated: (deflection: number | null, needed: number) =>
    deflection === null
      ? 'no questions, so nothing deflected'
      : `deflection ${percent(deflection)} (needs ${percent(needed)})`,
  surveysAnswered: (rate: number | null, needed: number) =>
    rate === null
      ? 'no CSAT survey sent in the period'
      : `CSAT response rate ${percent(rate)} (needs ${percent(needed)})`,
  followUpsClosed: (late: number, graceDays: number) =>
    `${plural(late, 'follow-up')} of feedback open for more than ${graceDays} days`,
  pulseRecent: (days: number) => `no pulse survey in ${days} days`,
  satisfactionKpi: (csat: number | null, needed: number) =>
    csat === null ? 'no CSAT answers in the period' : `CSAT ${percent(csat)} (needs ${percent(needed)})`,
};
