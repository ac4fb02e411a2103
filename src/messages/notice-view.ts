import { type Ticket, toTicketRef } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import type { Message } from './message.ts';
import { noticeCopy } from './notice-copy.ts';
import { literal, stripMarkdown } from './plain-text.ts';

/** The requester's ticket was taken by someone, or moved to another tier. */
export function toRequesterUpdateMessage(
  t: Ticket,
  update: { kind: 'claimed'; by: string } | { kind: 'moved'; tier: Tier },
): Message {
  const ref = toTicketRef(t.id);
  const ticket = `**${ref}** (${literal(t.subject)})`;
  const text =
    update.kind === 'claimed' ? noticeCopy.claimed(update.by, ticket) : noticeCopy.moved(update.tier, ticket, ref);
  return { text: stripMarkdown(text), blocks: [{ kind: 'text', text }] };
}

/** `lead` said first, above what `message` shows. */
export function withLead(message: Message, lead: Message): Message {
  return {
    ...message,
    text: `${lead.text}\n\n${message.text}`,
    blocks: [...(lead.blocks ?? []), ...(message.blocks ?? [{ kind: 'text', text: message.text }])],
  };
}
