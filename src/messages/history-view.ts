import { type Ticket, toTicketRef } from '../model/ticket.ts';
import { toDeskTime } from './desk-time.ts';
import { type HistoryEvent, type HistoryReader, historyWhat, historyWhy } from './history-copy.ts';
import type { Message } from './message.ts';
import { literal, stripMarkdown } from './plain-text.ts';

export interface HistoryLine extends HistoryEvent {
  at: Date;
  who: string;
}

export interface HistoryOptions {
  reader: HistoryReader;
  /** The desk's time zone (its business calendar's): every time is shown in it. */
  timeZone: string;
  now: Date;
  /** "Tier 1 1h 30m · Tier 2 30m". */
  timePerTier?: string;
}

/** The audit trail, oldest first: when (in the desk's time zone), who, what happened in words, and why. */
export function toHistoryMessage(t: Ticket, lines: HistoryLine[], options: HistoryOptions): Message {
  const ref = toTicketRef(t.id);
  const rows = lines.map((l) => {
    const why = historyWhy(l);
    // Names and reasons are people's own words (a requester's reply or reopen reason among them).
    return `- ${toDeskTime(l.at, options.timeZone, options.now)} · ${literal(l.who)} · ${literal(historyWhat(l, options.reader))}${why ? `: ${literal(why)}` : ''}`;
  });
  const text = [
    `History of ${ref} (${literal(t.subject)}), times in ${options.timeZone}:`,
    ...rows,
    ...(options.timePerTier ? [`Time per tier: ${options.timePerTier}`] : []),
  ].join('\n');
  return { text: stripMarkdown(text), blocks: [{ kind: 'text', text }] };
}
