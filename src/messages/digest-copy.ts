/** How the weekly digest names and shows its figures: one place for its words. */

/** Counts, rates (0–1, shown as %), a 1–5 average and the maturity level each read differently. */
export type FigureKind = 'count' | 'rate' | 'level';

/** The digest's figures in the order a lead reads them, with the ones where a fall is good marked. */
export const digestFigures = [
  { key: 'questions', label: 'Questions', kind: 'count' },
  { key: 'activeUsers', label: 'Active users', kind: 'count' },
  { key: 'newUsers', label: 'New users', kind: 'count' },
  { key: 'deflectionRate', label: 'Deflection', kind: 'rate' },
  { key: 'helpfulRate', label: 'Answers helpful', kind: 'rate' },
  { key: 'ticketsOpened', label: 'Tickets opened', kind: 'count', fallIsGood: true },
  { key: 'ticketsResolved', label: 'Tickets resolved', kind: 'count' },
  { key: 'backlog', label: 'Backlog at week end', kind: 'count', fallIsGood: true },
  { key: 'firstContactResolution', label: 'First-contact resolution', kind: 'rate' },
  { key: 'escalations', label: 'Escalations', kind: 'count', fallIsGood: true },
  { key: 'slaCompliance', label: 'SLA compliance', kind: 'rate' },
  { key: 'breaches', label: 'SLA breaches', kind: 'count', fallIsGood: true },
  { key: 'csat', label: 'CSAT (4–5 of 5)', kind: 'rate' },
  { key: 'csatResponses', label: 'CSAT responses', kind: 'count' },
  { key: 'csatResponseRate', label: 'CSAT response rate', kind: 'rate' },
  { key: 'maturityLevel', label: 'Maturity level', kind: 'level' },
] as const satisfies readonly { key: string; label: string; kind: FigureKind; fallIsGood?: boolean }[];

export type DigestFigureKey = (typeof digestFigures)[number]['key'];

/** The figures the chat digest shows as fields; the rest appear only among the biggest changes. */
export const fieldFigures: readonly DigestFigureKey[] = [
  'questions',
  'activeUsers',
  'deflectionRate',
  'helpfulRate',
  'ticketsOpened',
  'ticketsResolved',
  'backlog',
  'firstContactResolution',
  'slaCompliance',
  'breaches',
  'csat',
  'csatResponses',
];

export const labelOf = (key: DigestFigureKey): string => digestFigures.find((f) => f.key === key)?.label ?? key;
export const kindOf = (key: DigestFigureKey): FigureKind => digestFigures.find((f) => f.key === key)?.kind ?? 'count';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A figure's value as people read it: `124`, `42 %`, `300`; a dash when there was nothing to measure. */
export function showValue(kind: FigureKind, value: number | null): string {
  if (value === null) return '–';
  return kind === 'rate' ? percent(value) : String(Math.round(value * 10) / 10);
}

/**
 * The change from last week: an arrow and how much, in points for a rate (`▲ 5 pts`), relative for a count
 * (`▼ 12 %`), `new` when last week had none, `→` when nothing moved, nothing when either week had no value.
 */
export function showChange(kind: FigureKind, change: { previous: number | null; current: number | null }): string {
  const { previous, current } = change;
  if (previous === null || current === null) return '';
  const delta = current - previous;
  if (Math.abs(delta) < 1e-9) return '→';
  const arrow = delta > 0 ? '▲' : '▼';
  if (kind === 'rate') return `${arrow} ${Math.round(Math.abs(delta) * 100)} pts`;
  if (kind === 'level') return `${arrow} ${Math.abs(delta)}`;
  if (previous === 0) return `${arrow} new`;
  return `${arrow} ${Math.round(Math.abs(delta / previous) * 100)} %`;
}

export const digestCopy = {
  title: (week: string, days: string) => `Weekly digest ${week} (${days})`,
  lastWeek: 'last week',
  biggestChanges: 'Biggest changes',
  noChanges: 'No figure moved much from last week.',
  maturity: (level: number, name: string) => `Support maturity: ${level} (${name})`,
  atTop: 'The desk meets every rule of the top level.',
  heldBy: 'What holds it there:',
  gaps: 'Top knowledge gaps',
  breaches: 'SLA breaches without a CAPA',
  noBreaches: 'Every breach this week has its CAPA written.',
  lowScores: 'Low scores and their follow-ups',
  noLowScores: 'No score of 1 or 2 this week.',
  chartTitle: (weeks: number) => `Questions, deflection and CSAT, last ${weeks} weeks`,
  chartAlt: (weeks: number) =>
    `Chart of the last ${weeks} weeks: questions per week as bars, deflection and CSAT as lines (0–100 %).`,
  footer: (timeZone: string) =>
    `Weeks run Monday to Sunday in ${timeZone}. The README's Metrics section defines each figure.`,
  sentPrivately: (week: string) => `I've sent you the digest for ${week} in a direct message.`,
  notSent: (week: string, problem: string) =>
    `I couldn't send you the digest for ${week} (${problem}); here it is instead.`,
  usage: 'Say `digest` for last week, `digest this` for this week so far, or `digest 2026-W48` for a week.',
  badWeek: (given: string) =>
    `"${given}" is not a week I know. ${'Say `digest`, `digest this`, `digest last` or `digest 2026-W48`.'}`,
  future: (week: string) => `${week} has not started yet.`,
} as const;

export const isDigestFigure = (key: string): key is DigestFigureKey => digestFigures.some((f) => f.key === key);
