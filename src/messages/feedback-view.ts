import { cutText } from './cut-text.ts';
import { toDeskTime } from './desk-time.ts';
import type { Block, Message } from './message.ts';
import { literal, stripMarkdown } from './plain-text.ts';
import type { FeedbackKind } from './survey-copy.ts';

/** One piece of feedback on a lead's list. */
export interface FeedbackLine {
  source: 'csat' | 'pulse' | 'free' | 'answer';
  at: Date;
  /** Who gave it; absent when it was given anonymously. */
  name?: string;
  comment?: string;
  rating?: number;
  /** The ticket it is about (`T-4`), and the follow-up opened for it (`T-9`). */
  about?: string;
  followUp?: string;
}

export interface FeedbackSection {
  kind: FeedbackKind;
  lines: FeedbackLine[];
}

const headings: Record<FeedbackKind, string> = {
  escalation: 'Escalations',
  complaint: 'Complaints',
  concern: 'Concerns',
  undertone: 'Undertones',
  appreciation: 'Appreciation',
};

/** A long comment is cut on the list; the whole of it stays in the record. */
const commentRoom = 160;

function where(l: FeedbackLine): string {
  const rated = l.rating === undefined ? '' : `, rated ${l.rating} of 5`;
  switch (l.source) {
    case 'csat':
      return `survey on ${l.about ?? 'a ticket'}${rated}`;
    case 'pulse':
      return `pulse survey${rated}`;
    case 'answer':
      return 'button on an answer';
    case 'free':
      return `feedback on ${l.about ?? 'the service'}`;
  }
}

const lineOf = (l: FeedbackLine, timeZone: string, now: Date) =>
  [
    `- ${toDeskTime(l.at, timeZone, now)}`,
    `**${l.name === undefined ? 'anonymous' : literal(l.name)}**`,
    where(l),
    l.comment ? `"${literal(cutText(l.comment, commentRoom))}"` : 'no comment',
    ...(l.followUp ? [`followed up in ${l.followUp}`] : []),
  ].join(' · ');

/**
 * `feedback recent [class]`: the newest feedback, gravest class first, for the leads. Complaints and
 * escalations are followed up as tickets; undertones and concerns are only read here, so they are listed too.
 */
export function toRecentFeedbackMessage(
  sections: FeedbackSection[],
  options: { timeZone: string; now: Date; one: boolean },
): Message {
  const shown = sections.filter((s) => s.lines.length > 0);
  const heading =
    shown.length === 0
      ? `**Latest feedback**: ${options.one && sections[0] ? `no ${headings[sections[0].kind].toLowerCase()} yet.` : 'nothing yet.'}`
      : `**Latest feedback**${options.one ? ', newest first' : ' by class, gravest first, newest first within each'}`;
  const blocks: Block[] = [{ kind: 'text', text: heading }];
  for (const s of shown) {
    blocks.push({ kind: 'text', text: `**${headings[s.kind]}**` });
    blocks.push({ kind: 'text', text: s.lines.map((l) => lineOf(l, options.timeZone, options.now)).join('\n') });
  }
  const hint =
    'Type `feedback recent concern` (or undertone, complaint, escalation, appreciation) for more of one class.';
  if (!options.one && shown.length > 0) blocks.push({ kind: 'context', text: hint });
  const text = blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
  return { text: stripMarkdown(text), blocks };
}
