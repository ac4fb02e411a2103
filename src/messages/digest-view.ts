import { toTicketRef } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import { cutText } from './cut-text.ts';
import { toDeskTime } from './desk-time.ts';
import {
  digestCopy as copy,
  type DigestFigureKey,
  fieldFigures,
  kindOf,
  labelOf,
  showChange,
  showValue,
} from './digest-copy.ts';
import type { Block, Message } from './message.ts';
import { literal, stripMarkdown } from './plain-text.ts';
import { tierNames } from './tier-names.ts';

export interface FigurePair {
  previous: number | null;
  current: number | null;
}

/** What one week's digest shows, as the digests feature hands it over: figures, lists, and the chart's link. */
export interface DigestView {
  week: string;
  /** The week's first local day and the first day after it. */
  fromDate: string;
  toDate: string;
  timeZone: string;
  figures: Record<DigestFigureKey, FigurePair>;
  biggest: ({ key: DigestFigureKey } & FigurePair)[];
  maturity: { level: number; name: string; heldBy: string[] };
  gaps: { label: string; questions: number }[];
  breaches: { ticketId: number; target: 'response' | 'resolution'; tier: Tier; breachedAt: Date }[];
  lowScores: {
    rating: number;
    source: 'csat' | 'pulse';
    comment: string | null;
    ticketId: number | null;
    followUpTicketId: number | null;
    followUpOpen: boolean;
  }[];
  chart?: { url: string; weeks: number };
}

const commentChars = 140;
/** "Mon 23 Nov", or "Sun 29 Nov 2026" with the year. */
function day(date: string, withYear: boolean): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const p = Object.fromEntries(format.formatToParts(new Date(`${date}T12:00:00Z`)).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month}${withYear ? ` ${p.year}` : ''}`;
}
const lastDay = (toDate: string) => new Date(Date.parse(`${toDate}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const figureLine = (key: DigestFigureKey, pair: FigurePair) =>
  `${showValue(kindOf(key), pair.current)} ${showChange(kindOf(key), pair)}`.trim();

function biggestText(view: DigestView): string {
  if (view.biggest.length === 0) return `**${copy.biggestChanges}**\n${copy.noChanges}`;
  const lines = view.biggest.map((b) => {
    const kind = kindOf(b.key);
    return `- ${labelOf(b.key)}: ${showValue(kind, b.previous)} → ${showValue(kind, b.current)} (${showChange(kind, b)})`;
  });
  return [`**${copy.biggestChanges}**`, ...lines].join('\n');
}

function maturityText(view: DigestView): string {
  const head = `**${copy.maturity(view.maturity.level, view.maturity.name)}**`;
  if (view.maturity.heldBy.length === 0) return `${head}\n${copy.atTop}`;
  return [head, copy.heldBy, ...view.maturity.heldBy.map((h) => `- ${h}`)].join('\n');
}

function breachesText(view: DigestView): string {
  if (view.breaches.length === 0) return `**${copy.breaches}**\n${copy.noBreaches}`;
  const lines = view.breaches.map(
    (b) =>
      `- ${toTicketRef(b.ticketId)}: ${b.target} target missed at ${tierNames[b.tier]}, ${toDeskTime(b.breachedAt, view.timeZone)}`,
  );
  return [`**${copy.breaches}**`, ...lines].join('\n');
}

function lowScoresText(view: DigestView): string {
  if (view.lowScores.length === 0) return `**${copy.lowScores}**\n${copy.noLowScores}`;
  const lines = view.lowScores.map((s) => {
    const about = s.ticketId === null ? `a ${s.source} survey` : toTicketRef(s.ticketId);
    const said = s.comment ? ` "${literal(cutText(s.comment.replace(/\s+/g, ' ').trim(), commentChars))}"` : '';
    const followUp =
      s.followUpTicketId === null
        ? ' — no follow-up'
        : ` — follow-up ${toTicketRef(s.followUpTicketId)} ${s.followUpOpen ? 'open' : 'closed'}`;
    return `- ${s.rating}/5 on ${about}${said}${followUp}`;
  });
  return [`**${copy.lowScores}**`, ...lines].join('\n');
}

/** One week's digest as a neutral message: the same on Slack, Teams and the local chat. */
export function toDigestMessage(view: DigestView): Message {
  const days = `${day(view.fromDate, false)} – ${day(lastDay(view.toDate), true)}`;
  const title = `**${copy.title(view.week, days)}**`;
  const fields = fieldFigures.map((key) => ({ label: labelOf(key), value: figureLine(key, view.figures[key]) }));
  const sections = [biggestText(view), maturityText(view)];
  if (view.gaps.length > 0)
    sections.push(
      [`**${copy.gaps}**`, ...view.gaps.map((g) => `- "${literal(g.label)}" (${g.questions} asked)`)].join('\n'),
    );
  sections.push(breachesText(view), lowScoresText(view));
  const blocks: Block[] = [
    { kind: 'text', text: title },
    { kind: 'fields', fields },
    ...sections.map((text): Block => ({ kind: 'text', text })),
    ...(view.chart
      ? [
          {
            kind: 'image' as const,
            url: view.chart.url,
            title: copy.chartTitle(view.chart.weeks),
            alt: copy.chartAlt(view.chart.weeks),
          },
        ]
      : []),
    { kind: 'context', text: copy.footer(view.timeZone) },
  ];
  const text = [
    stripMarkdown(title),
    ...fields.map((f) => `${f.label}: ${f.value}`),
    ...sections.map(stripMarkdown),
  ].join('\n');
  return { text, blocks };
}
