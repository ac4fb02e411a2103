import { type Ticket, toTicketRef } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import { cutText } from './cut-text.ts';
import { type FollowUpNote, type FollowUpOf, followUpFields, followUpLine, followUpMark } from './follow-up-view.ts';
import type { Button, Message } from './message.ts';
import { literal, stripMarkdown } from './plain-text.ts';
import { statusMessageKey } from './status-key.ts';
import { tierLabels as tierLabel } from './tier-names.ts';

const statusLabel: Record<Ticket['status'], string> = {
  new: 'New — waiting for the help desk',
  in_progress: 'In progress',
  waiting: 'Waiting for your reply',
  resolved: 'Resolved',
  closed: 'Closed',
};

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function ticketFields(t: Ticket) {
  return [
    { label: 'Status', value: statusLabel[t.status] },
    { label: 'With', value: tierLabel[t.tier] },
    { label: 'Priority', value: t.priority },
    { label: 'Opened', value: when(t.createdAt) },
  ];
}

export function toTicketOpenedMessage(t: Ticket, created: boolean): Message {
  const ref = toTicketRef(t.id);
  const lead = created
    ? `I've opened ticket **${ref}** for you: "${literal(t.subject)}". The help desk will reply ${t.origin.direct ? 'in your direct messages with me' : 'here'}.`
    : `You already have ticket **${ref}** for this question: "${literal(t.subject)}".`;
  const hint = `Type \`status ${ref}\` any time to check on it.`;
  return {
    text: stripMarkdown(`${lead} ${hint}`),
    blocks: [
      { kind: 'text', text: lead },
      { kind: 'fields', fields: ticketFields(t) },
      { kind: 'context', text: hint },
    ],
    ...(created ? { remember: statusMessageKey(t.id) } : {}),
  };
}

export function toTicketStatusMessage(t: Ticket): Message {
  const ref = toTicketRef(t.id);
  const fields = ticketFields(t);
  return {
    text: `${ref}: ${literal(t.subject)}\n${fields.map((f) => `${f.label}: ${f.value}`).join('\n')}`,
    blocks: [
      { kind: 'text', text: `**${ref}: ${literal(t.subject)}**` },
      { kind: 'fields', fields },
    ],
  };
}

export function toTicketListMessage(heading: string, list: Ticket[]): Message {
  const lines = list.map((t) => `- **${toTicketRef(t.id)}** ${literal(t.subject)} — ${statusLabel[t.status]}`);
  const text = [heading, ...lines].join('\n');
  return { text: stripMarkdown(text), blocks: [{ kind: 'text', text }] };
}

/** A subject longer than this is cut with "…" on a queue card's first line. */
const cardSubjectChars = 100;

/** The card a tier's queue sees, kept up to date as the ticket changes. */
export function toQueueCardMessage(
  t: Ticket,
  who: {
    requester: string;
    assignee?: string;
    handoff?: { from: string; reason: string };
    /** Set when the ticket follows up feedback: on what, and who should pick it up. */
    followUp?: FollowUpNote;
  },
  /** Claim and the prompts for changes that need words, while the ticket is open. */
  buttons: Button[],
): Message {
  const ref = toTicketRef(t.id);
  const open = t.status !== 'resolved' && t.status !== 'closed';
  const requester = literal(who.requester);
  const assignee = who.assignee === undefined ? undefined : literal(who.assignee);
  // The first line is read at a glance in a busy queue: a long subject is cut there, and is whole below.
  const head = `**${ref}** from ${requester}: ${literal(cutText(t.subject, cardSubjectChars))}`;
  const fields = [
    ...(who.followUp ? followUpFields(who.followUp) : []),
    ...ticketFields(t),
    { label: 'Assignee', value: assignee ?? 'nobody yet' },
    ...(t.vendorName ? [{ label: 'Vendor', value: `${t.vendorName} (${t.vendorRef ?? 'no ref'})` }] : []),
  ];
  const blocks: Message['blocks'] = [
    { kind: 'text', text: head },
    { kind: 'fields', fields },
    ...(who.handoff
      ? [
          {
            kind: 'text' as const,
            text: `**Handoff from ${tierLabel[who.handoff.from as Tier] ?? who.handoff.from}:** ${who.handoff.reason}`,
          },
        ]
      : []),
    { kind: 'text', text: literal(t.description) },
  ];
  if (buttons.length > 0) blocks.push({ kind: 'actions', buttons });
  if (open) {
    blocks.push({
      kind: 'context',
      text: `\`assign ${ref} @person\` · \`escalate ${ref} <reason>\` · \`wait ${ref} <question>\` · \`resolve ${ref} <resolution>\` · \`note ${ref} <text>\``,
    });
  }
  const followUp = who.followUp ? ` — ${followUpLine(who.followUp)}` : '';
  return {
    text: stripMarkdown(
      `${head} (${statusLabel[t.status]}, ${tierLabel[t.tier]}, ${assignee ?? 'unassigned'})${followUp}`,
    ),
    blocks,
  };
}

/** What the requester is told about a change, in their own conversation. */
export function toRequesterNoticeMessage(
  t: Ticket,
  notice: { kind: 'question' | 'reply' | 'resolved'; text: string },
  from: string,
): Message {
  const ref = toTicketRef(t.id);
  const lead =
    notice.kind === 'question'
      ? `The help desk has a question about **${ref}** (${literal(t.subject)}):`
      : notice.kind === 'reply'
        ? `**${literal(from)}** replied on **${ref}** (${literal(t.subject)}):`
        : `**${ref}** is resolved (${literal(t.subject)}):`;
  const hint =
    notice.kind === 'resolved'
      ? `Not fixed? Type \`reopen ${ref}\`.`
      : `Answer with \`reply ${ref} <your answer>\`${t.origin.thread ? ', or reply in this thread' : ''}.`;
  return {
    text: stripMarkdown(`${lead} ${notice.text}\n${hint}`),
    blocks: [
      { kind: 'text', text: `${lead}\n\n${literal(notice.text)}` },
      { kind: 'context', text: hint },
    ],
  };
}

/** A ticket as the help desk sees it: who holds it, where it is, the SLA clock. */
export function toStaffTicketMessage(
  t: Ticket,
  who: { requester: string; assignee?: string; followUp?: FollowUpNote },
): Message {
  const ref = toTicketRef(t.id);
  const fields = [
    ...(who.followUp ? followUpFields(who.followUp) : []),
    ...ticketFields(t),
    { label: 'Requester', value: literal(who.requester) },
    { label: 'Assignee', value: who.assignee === undefined ? 'nobody yet' : literal(who.assignee) },
    ...(t.responseDueAt ? [{ label: 'Response due', value: when(t.responseDueAt) }] : []),
    ...(t.resolutionDueAt ? [{ label: 'Resolution due', value: when(t.resolutionDueAt) }] : []),
    ...(t.slaPausedAt ? [{ label: 'SLA paused since', value: when(t.slaPausedAt) }] : []),
    ...(t.vendorName ? [{ label: 'Vendor', value: `${t.vendorName} (${t.vendorRef ?? 'no ref'})` }] : []),
  ];
  return {
    text: `${ref}: ${literal(t.subject)}\n${fields.map((f) => `${f.label}: ${f.value}`).join('\n')}`,
    blocks: [
      { kind: 'text', text: `**${ref}: ${literal(t.subject)}**` },
      { kind: 'fields', fields },
      { kind: 'text', text: literal(t.description) },
    ],
  };
}

/** "My tickets": what is open, and what was resolved lately, each with its status and tier. */
export function toHomeMessage(list: Ticket[]): Message {
  if (list.length === 0) {
    const text = 'You have no open tickets. Ask me a question in a message, or open a ticket if you need a person.';
    return {
      text,
      blocks: [
        { kind: 'text', text: '**My tickets**' },
        { kind: 'text', text },
      ],
    };
  }
  const lines = list.map(
    (t) =>
      `- **${toTicketRef(t.id)}** ${literal(t.subject)} — ${statusLabel[t.status]} · ${tierLabel[t.tier]} · ${t.priority}`,
  );
  const body = lines.join('\n');
  return {
    text: stripMarkdown(`My tickets\n${body}`),
    blocks: [
      { kind: 'text', text: '**My tickets**' },
      { kind: 'text', text: body },
    ],
  };
}

/**
 * The help desk's part of the home page: what they hold, and what waits unclaimed in their queue, in the
 * queue's order (follow-ups of feedback marked, as they come first after P1).
 */
export function toStaffWorkMessage(work: {
  assigned: Ticket[];
  unclaimed: { ticket: Ticket; followUp?: FollowUpOf }[];
}): Message {
  const line = (t: Ticket, followUp?: FollowUpOf) =>
    `- **${toTicketRef(t.id)}** ${literal(t.subject)} — ${statusLabel[t.status]} · ${tierLabel[t.tier]} · ${t.priority}${followUp ? ` · ${followUpMark(followUp)}` : ''}`;
  const assigned = work.assigned.length ? work.assigned.map((t) => line(t)).join('\n') : 'Nothing assigned to you.';
  const unclaimed = work.unclaimed.length
    ? work.unclaimed.map((w) => line(w.ticket, w.followUp)).join('\n')
    : 'The queue is empty.';
  return {
    text: stripMarkdown(`Assigned to me\n${assigned}\nMy queue (unclaimed)\n${unclaimed}`),
    blocks: [
      { kind: 'text', text: '**Assigned to me**' },
      { kind: 'text', text: assigned },
      { kind: 'text', text: '**My queue (unclaimed)**' },
      { kind: 'text', text: unclaimed },
    ],
  };
}
