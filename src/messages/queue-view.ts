import { type Ticket, toTicketRef } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import { cutText } from './cut-text.ts';
import { type FollowUpOf, followUpMark } from './follow-up-view.ts';
import type { Block, Button, Message } from './message.ts';
import { literal, stripMarkdown } from './plain-text.ts';
import { tierLabels } from './tier-names.ts';

/** One ticket waiting in a queue, with the button that takes it; `followUp` when it follows up feedback. */
export interface WaitingTicket {
  ticket: Ticket;
  claim: Button;
  followUp?: FollowUpOf;
}

/** How long a subject may run on a queue line before it is cut. */
const subjectRoom = 80;

const age = (t: Ticket, now: Date) => {
  const minutes = Math.max(0, Math.round((now.getTime() - t.createdAt.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
};

/**
 * `queue [tier]`: what waits unclaimed in one tier's queue, each with Claim, in the order to take it: P1,
 * then follow-ups of feedback (marked, so it is plain why they are on top), then by priority and age.
 */
export function toWaitingTicketsMessage(
  tier: Tier,
  waiting: { shown: WaitingTicket[]; total: number },
  now: Date,
): Message {
  const heading = `**${tierLabels[tier]}**: ${waiting.total === 0 ? 'nothing waits here.' : `${waiting.total} waiting: P1 first, then follow-ups of feedback, then by priority and age`}`;
  const line = ({ ticket: t, followUp }: WaitingTicket) =>
    `**${toTicketRef(t.id)}** ${t.priority} · ${followUp ? `**${followUpMark(followUp)}** · ` : ''}${literal(cutText(t.subject, subjectRoom))} · waiting ${age(t, now)}${t.status === 'waiting' ? ' · waiting for the requester' : ''}`;
  const more = waiting.total - waiting.shown.length;
  const footer = more > 0 ? `…and ${more} more. Claim these first, or ask for \`queue ${tier}\` again.` : undefined;
  const blocks: Block[] = [
    { kind: 'text', text: heading },
    ...waiting.shown.flatMap((w): Block[] => [
      { kind: 'text', text: line(w) },
      { kind: 'actions', buttons: [w.claim] },
    ]),
    ...(footer ? [{ kind: 'context' as const, text: footer }] : []),
  ];
  const text = [heading, ...waiting.shown.map(line), ...(footer ? [footer] : [])].join('\n');
  return { text: stripMarkdown(text), blocks };
}
