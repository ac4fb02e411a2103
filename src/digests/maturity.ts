import { type MaturityLevel, maturityLevels, maturityNames } from '../messages/maturity-copy.ts';
import { type MaturityRule, maturityRules } from './maturity-rules.ts';
import type { MetricsReport } from './metrics-report.ts';

export interface Maturity {
  level: MaturityLevel;
  name: string;
  /** The one or two shortfalls that keep the desk from the next level (none at the top). */
  heldBy: { rule: string; text: string }[];
}

/** How many shortfalls the digest names: the first ones, in the rules' order. */
const shown = 2;

/** The highest level whose rules, and every lower level's, all hold. */
export function assessMaturity(report: MetricsReport, rules: readonly MaturityRule[] = maturityRules): Maturity {
  let level: MaturityLevel = 100;
  for (const next of maturityLevels.slice(1)) {
    if (!rules.filter((r) => r.level === next).every((r) => r.holds(report))) break;
    level = next;
  }
  const above = maturityLevels[maturityLevels.indexOf(level) + 1];
  const failing = rules.filter((r) => r.level === above && !r.holds(report));
  return {
    level,
    name: maturityNames[level],
    heldBy: failing.slice(0, shown).map((r) => ({ rule: r.id, text: r.shortfall(report) })),
  };
}
