import { cutText } from './cut-text.ts';
import type { Block, Message } from './message.ts';
import { literal, stripMarkdown } from './plain-text.ts';

type GapReason = 'declined' | 'not_helpful' | 'escalated';

/** One group of similar questions the knowledge base did not settle. */
export interface GapGroup {
  count: number;
  reasons: Record<GapReason, number>;
  examples: string[];
  suggested?: string;
}

export interface GapsReport {
  days: number;
  /** How many questions were grouped, and whether older ones were left out to keep it quick. */
  questions: number;
  capped: boolean;
  clusters: GapGroup[];
  /** The top clusters to show. */
  top: number;
  titleOf: (articleId: string) => string | undefined;
}

/** In this order, a group's mix of reasons reads from the plainest failure to the costliest. */
const gapReasons: GapReason[] = ['declined', 'not_helpful', 'escalated'];
const reasonLabel: Record<GapReason, string> = {
  declined: 'declined',
  not_helpful: 'not helpful',
  escalated: 'escalated',
};

/** A question longer than this is cut with "…": a group is read at a glance. */
const exampleChars = 100;

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The biggest groups of questions the knowledge base did not settle, for whoever keeps it. */
export function toGapsMessage(report: GapsReport): Message {
  const shown = report.clusters.slice(0, report.top);
  const heading = [
    `**Knowledge gaps, last ${report.days} days**: ${plural(report.questions, 'question')} declined, marked not helpful or escalated, in ${plural(report.clusters.length, 'group')}${shown.length < report.clusters.length ? ` (the top ${shown.length} below)` : ''}.`,
    ...(report.capped ? [`Only the ${report.questions.toLocaleString('en')} most recent were grouped.`] : []),
  ].join(' ');
  const groups = shown.map((c, i) => toGroupText(c, i + 1, report.titleOf));
  const hint = 'Turn a resolved ticket into a draft article with `kb draft T-n`.';
  const blocks: Block[] = [
    { kind: 'text', text: heading },
    ...groups.map((text): Block => ({ kind: 'text', text })),
    { kind: 'context', text: hint },
  ];
  return { text: stripMarkdown([heading, ...groups, hint].join('\n\n')), blocks };
}

function toGroupText(c: GapGroup, n: number, titleOf: GapsReport['titleOf']): string {
  const mix = gapReasons.filter((r) => c.reasons[r] > 0).map((r) => `${c.reasons[r]} ${reasonLabel[r]}`);
  const suggested = c.suggested ? ` · most suggested: ${titleOf(c.suggested) ?? c.suggested} (\`${c.suggested}\`)` : '';
  return [
    `**${n}. ${plural(c.count, 'question')}** (${mix.join(', ')})${suggested}`,
    ...c.examples.map((e) => `- "${literal(cutText(e.replace(/\s+/g, ' ').trim(), exampleChars))}"`),
  ].join('\n');
}
