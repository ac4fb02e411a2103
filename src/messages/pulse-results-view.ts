import { cutText } from './cut-text.ts';
import { toDeskTime } from './desk-time.ts';
import type { Block, Message } from './message.ts';
import { literal, stripMarkdown } from './plain-text.ts';
import { type PulseFatigueDays, people, pulseCopy } from './pulse-copy.ts';
import { platformNames } from './ticket-copy.ts';

/** One question's standing answers, summed up (surveys/pulse-results.ts decides what may be shown). */
export type PulseQuestionResult = { n: number; text: string; answers: number } & (
  | { kind: 'scale'; counts: [number, number, number, number, number]; average?: number }
  | { kind: 'yes_no'; yes: number; no: number }
  /** `by` is the person's display name, only on a survey that is not anonymous. */
  | { kind: 'text'; comments: { text: string; by?: string }[] }
);

/** One platform's respondents, summed up per question (scale: the average; yes / no: the share of yes). */
export interface PulsePlatformResult {
  platform: string;
  respondents: number;
  questions: { n: number; average?: number; yesShare?: number }[];
}

export interface PulseResultsReport {
  title: string;
  anonymous: boolean;
  startedAt: Date;
  finished: boolean;
  counts: { sent: number; skipped: Record<string, number>; notDelivered: number; answered: number };
  minGroupSize: number;
  /** Undefined: too few answered for anything but the counts to be shown. */
  questions?: PulseQuestionResult[];
  /** Undefined: not broken down (one platform, or a group too small to show). */
  byPlatform?: PulsePlatformResult[];
  /** The platforms pooled as "other platforms", when each had too few to be shown on its own. */
  pooled?: string[];
  days: PulseFatigueDays;
  timeZone: string;
  now: Date;
}

/** Past these a question's comments say how many more: the message stays inside Slack's and Teams' limits. */
const maxComments = 20;
const commentChars = 280;

const percent = (part: number, whole: number) => (whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`);
const oneDecimal = (n: number) => n.toFixed(1);

function questionText(q: PulseQuestionResult): string {
  const head = `**${q.n}. ${literal(q.text)}** (${q.answers} answered)`;
  if (q.kind === 'scale') {
    const spread = q.counts.map((c, i) => `${i + 1}: ${c}`).join(' · ');
    return `${head}\n${q.average === undefined ? '' : `average ${oneDecimal(q.average)} of 5 · `}${spread}`;
  }
  if (q.kind === 'yes_no')
    return `${head}\nyes ${percent(q.yes, q.answers)} (${q.yes}) · no ${percent(q.no, q.answers)} (${q.no})`;
  if (q.comments.length === 0) return `${head}\nno comments`;
  const shown = q.comments.slice(0, maxComments).map((c) => {
    const said = `"${literal(cutText(c.text.replace(/\s+/g, ' ').trim(), commentChars))}"`;
    return `- ${said}${c.by ? ` — ${literal(c.by)}` : ''}`;
  });
  const more = q.comments.length > maxComments ? [`…and ${q.comments.length - maxComments} more.`] : [];
  return [head, ...shown, ...more].join('\n');
}

function platformText(r: PulseResultsReport): string | undefined {
  if (!r.byPlatform) return undefined;
  const lines = r.byPlatform.map((p) => {
    const name =
      p.platform === 'other'
        ? `other platforms (${r.pooled?.map((x) => platformNames[x] ?? x).join(', ')})`
        : (platformNames[p.platform] ?? p.platform);
    const parts = p.questions.flatMap((q) =>
      q.average !== undefined
        ? [`${q.n}. average ${oneDecimal(q.average)}`]
        : q.yesShare !== undefined
          ? [`${q.n}. ${Math.round(q.yesShare * 100)}% yes`]
          : [],
    );
    return `- ${name}: ${people(p.respondents)} answered${parts.length ? ` · ${parts.join(' · ')}` : ''}`;
  });
  return [`**By platform** (groups of at least ${r.minGroupSize}):`, ...lines].join('\n');
}

/** `survey results <id>`: how the newest run went, then each question's answers as far as they may be shown. */
export function toPulseResultsMessage(r: PulseResultsReport): Message {
  const c = r.counts;
  const skippedCount = Object.values(c.skipped).reduce((a, b) => a + b, 0);
  const heading = `**${literal(r.title)}**, sent ${toDeskTime(r.startedAt, r.timeZone, r.now)}${r.finished ? '' : ' (still sending)'}${r.anonymous ? ' · anonymous' : ''}`;
  const counts = [
    c.sent === 0
      ? 'Nobody was asked.'
      : `${percent(c.answered, c.sent)} answered: ${c.answered} of ${people(c.sent)} asked.`,
    ...(skippedCount ? [`${skippedCount} not asked: ${pulseCopy.skipped(c.skipped, r.days)}.`] : []),
    ...(c.notDelivered ? [`${c.notDelivered} not delivered (the platform did not take it).`] : []),
  ].join('\n');
  const parts = [`${heading}\n${counts}`];
  if (c.answered === 0) {
    if (c.sent > 0) parts.push('No answers yet.');
  } else if (!r.questions) {
    parts.push(`Fewer than ${r.minGroupSize} answers: not shown, to keep answers anonymous.`);
  } else {
    parts.push(...r.questions.map(questionText));
    const platforms = platformText(r);
    if (platforms) parts.push(platforms);
  }
  const privacy = r.anonymous
    ? 'Anonymous: answers are never shown with names.'
    : 'Comments are shown with the name of the person who wrote them.';
  const blocks: Block[] = [...parts.map((text): Block => ({ kind: 'text', text })), { kind: 'context', text: privacy }];
  return { text: stripMarkdown([...parts, privacy].join('\n\n')), blocks };
}
