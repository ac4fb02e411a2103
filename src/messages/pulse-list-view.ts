import type { PulseAudience } from '../model/pulse-survey.ts';
import { cutText } from './cut-text.ts';
import { toDeskTime } from './desk-time.ts';
import type { Block, Message } from './message.ts';
import { literal, stripMarkdown } from './plain-text.ts';
import { plural, pulseCopy } from './pulse-copy.ts';
import { scheduleInWords } from './pulse-schedule-words.ts';

/** One survey of the folder as `survey list` shows it. */
export interface PulseListLine {
  id: string;
  title: string;
  questions: number;
  audience: PulseAudience;
  schedule?: string;
  /** The schedule's next run, when it has one. */
  nextRun?: Date;
  paused: boolean;
  lastRun?: { at: Date; sent: number; answered: number };
}

export interface PulseListReport {
  dir: string;
  surveys: PulseListLine[];
  skipped: { file: string; problem: string }[];
  timeZone: string;
  now: Date;
}

/** Past these, the list says how many more: one message stays inside Slack's 50 blocks and Teams' 28 KB. */
const maxSurveys = 20;
const maxSkipped = 10;
const problemChars = 400;

const rate = (sent: number, answered: number) =>
  sent === 0 ? 'nobody was asked' : `${Math.round((answered / sent) * 100)}% answered (${answered} of ${sent})`;

function surveyLine(s: PulseListLine, r: PulseListReport): string {
  const when = (d: Date) => toDeskTime(d, r.timeZone, r.now);
  const schedule = s.schedule
    ? `${scheduleInWords(s.schedule) ?? `on the schedule \`${s.schedule}\``} (${r.timeZone})${s.nextRun && !s.paused ? `, next ${when(s.nextRun)}` : ''}`
    : 'on demand (`survey send-now`)';
  const last = s.lastRun
    ? `last sent ${when(s.lastRun.at)}, ${rate(s.lastRun.sent, s.lastRun.answered)}`
    : 'never sent';
  return [
    `**${literal(s.title)}** \`${s.id}\`${s.paused ? ' · **paused**' : ''}`,
    `${plural(s.questions, 'question')} · to ${pulseCopy.audience(s.audience)} · ${schedule} · ${last}`,
  ].join('\n');
}

/** `survey list`: every survey in SURVEYS_DIR, then the files left out and why, so an admin can mend them. */
export function toPulseListMessage(r: PulseListReport): Message {
  const parts: string[] = [];
  if (r.surveys.length === 0) {
    parts.push(
      `**No pulse surveys.** Put a survey file (\`*.yaml\`) in \`${literal(r.dir)}\` (SURVEYS_DIR); the README's "Surveys and feedback" has a sample to copy.`,
    );
  } else {
    parts.push(`**Pulse surveys** in \`${literal(r.dir)}\`: ${r.surveys.length}`);
    parts.push(...r.surveys.slice(0, maxSurveys).map((s) => surveyLine(s, r)));
    if (r.surveys.length > maxSurveys) parts.push(`…and ${r.surveys.length - maxSurveys} more.`);
  }
  if (r.skipped.length > 0) {
    const lines = r.skipped
      .slice(0, maxSkipped)
      .map((f) => `- \`${literal(f.file)}\`: ${literal(cutText(f.problem, problemChars))}`);
    const more = r.skipped.length > maxSkipped ? [`…and ${r.skipped.length - maxSkipped} more.`] : [];
    parts.push([`**Left out** (fix the file; it is read again within a minute):`, ...lines, ...more].join('\n'));
  }
  const blocks: Block[] = parts.map((text): Block => ({ kind: 'text', text }));
  return { text: stripMarkdown(parts.join('\n\n')), blocks };
}
