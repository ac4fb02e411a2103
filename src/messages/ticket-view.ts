import type { Ticket } from '../tickets/open-ticket.ts';
import { toTicketRef } from '../tickets/ticket-ref.ts';
import type { Message } from './message.ts';
import { stripMarkdown } from './plain-text.ts';

const statusLabel: Record<Ticket['status'], string> = {
  new: 'New — waiting for the help desk',
  in_progress: 'In progress',
  waiting: 'Waiting for your reply',
  resolved: 'Resolved',
  closed: 'Closed',
};
const tierLabel: Record<Ticket['tier'], string> = {
  tier1: 'Tier 1 help desk',
  tier2: 'Tier 2 technical',
  tier3: 'Tier 3 experts',
  vendor: 'External vendor',
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

export const statusMessageKey = (ticketId: number) => `ticket-status:${ticketId}`;

export function toTicketOpenedMessage(t: Ticket, created: boolean): Message {
  const ref = toTicketRef(t.id);
  const lead = created
    ? `I've opened ticket **${ref}** for you: "${t.subject}". The help desk will reply here.`
    : `You already have ticket **${ref}** for this question: "${t.subject}".`;
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
    text: `${ref}: ${t.subject}\n${fields.map((f) => `${f.label}: ${f.value}`).join('\n')}`,
    blocks: [
      { kind: 'text', text: `**${ref}: ${t.subject}**` },
      { kind: 'fields', fields },
    ],
  };
}

export function toTicketListMessage(heading: string, list: Ticket[]): Message {
  const lines = list.map((t) => `- **${toTicketRef(t.id)}** ${t.subject} — ${statusLabel[t.status]}`);
  const text = [heading, ...lines].join('\n');
  return { text: stripMarkdown(text), blocks: [{ kind: 'text', text }] };
}

/** The card a tier's queue sees when a ticket arrives. */
export function toQueueCardMessage(t: Ticket, requesterName: string): Message {
  const ref = toTicketRef(t.id);
  const head = `New ticket **${ref}** from ${requesterName}: ${t.subject}`;
  return {
    text: `New ticket ${ref} from ${requesterName}: ${t.subject}`,
    blocks: [
      { kind: 'text', text: head },
      { kind: 'fields', fields: ticketFields(t) },
      { kind: 'text', text: t.description },
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
    (t) => `- **${toTicketRef(t.id)}** ${t.subject} — ${statusLabel[t.status]} · ${tierLabel[t.tier]} · ${t.priority}`,
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
