import { deliveryCopy } from './delivery-copy.ts';
import type { Block, Message } from './message.ts';
import { stripMarkdown } from './plain-text.ts';

const c = deliveryCopy.deliveries;

/** One message still waiting or given up, as admins read it. */
export interface UndeliveredLine {
  what: string;
  /** What it is about, when it says (`T-7`). */
  about?: string;
  /** Where it was going: `slack:C0123`, a person's id. */
  to: string;
  problem: string | undefined;
  attempts: number;
  nextAttemptAt: Date | null;
  givenUpAt: Date | null;
}

export interface DeliveriesReport {
  days: number;
  waiting: number;
  givenUp: number;
  deliveredLate: number;
  sinceStart: { failed: number; not_connected: number };
  latest: UndeliveredLine[];
}

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** `deliveries`: how many messages wait or were given up, and the latest problems. */
export function toDeliveriesMessage(r: DeliveriesReport): Message {
  const heading = c.heading(r.days);
  const counts = c.counts(r);
  const lines = r.latest.map((l) =>
    c.problem({
      what: l.what,
      ...(l.about ? { about: l.about } : {}),
      to: l.to,
      problem: l.problem ?? c.unknownProblem,
      attempts: l.attempts,
      ...(l.nextAttemptAt ? { next: when(l.nextAttemptAt) } : {}),
      ...(l.givenUpAt ? { givenUp: when(l.givenUpAt) } : {}),
    }),
  );
  const latest = lines.length ? [c.latestHeading, ...lines].join('\n') : c.none;
  const since = c.sinceStart(r.sinceStart);
  const blocks: Block[] = [
    { kind: 'text', text: `${heading}\n${counts}` },
    { kind: 'text', text: latest },
    { kind: 'context', text: since },
  ];
  return { text: stripMarkdown([heading, counts, latest, since].join('\n')), blocks };
}

/** A reply with a warning added at its end: the person acting hears what did not go as it should. */
export function withNote(message: Message, note: string): Message {
  // With blocks, `text` is the plain fallback; without, it is what is shown, in the same markdown.
  if (!message.blocks) return { ...message, text: `${message.text}\n\n${note}` };
  return {
    ...message,
    text: `${message.text}\n\n${stripMarkdown(note)}`,
    blocks: [...message.blocks, { kind: 'text', text: note }],
  };
}
