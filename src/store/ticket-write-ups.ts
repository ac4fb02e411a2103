import type { Ticket } from '../model/ticket.ts';
import type { DbOrTx } from './db.ts';
import { findInteraction, listEarlierInConversation } from './interactions.ts';
import { listAnswerEvents } from './ticket-events.ts';

/** What a finished ticket offers an article: how it was asked, how it was answered, and by whom. */
export interface TicketWriteUp {
  ticketId: number;
  subject: string;
  /** The original question first, then other ways the requester put it, then the subject. */
  questions: string[];
  /** What the requester described. */
  problem: string;
  /** The last resolution given; empty when the ticket was closed without one. */
  resolution: string;
  /** What the help desk and the requester wrote to each other on the way, in order. */
  replies: { from: 'help_desk' | 'requester'; text: string }[];
  resolver: string | undefined;
}

/**
 * The question (and how the requester put it earlier in the same conversation), the last resolution and who
 * gave it, and the conversation on the ticket: the help desk's questions and replies, the requester's
 * answers. Internal notes stay out: they were never meant for the requester.
 */
export async function loadTicketWriteUp(db: DbOrTx, ticket: Ticket): Promise<TicketWriteUp> {
  const events = await listAnswerEvents(db, ticket.id);
  const resolved = events.filter((e) => e.kind === 'resolved').at(-1);
  const asked = ticket.sourceInteractionId ? await findInteraction(db, ticket.sourceInteractionId) : undefined;
  const earlier = asked ? await listEarlierInConversation(db, asked, 5) : [];
  return {
    ticketId: ticket.id,
    subject: ticket.subject,
    questions: [asked?.question ?? ticket.subject, ...earlier.map((i) => i.question), ticket.subject],
    // A ticket from "talk to a human" describes what the desk tried as well; the question is the problem.
    problem: asked?.question ?? ticket.description,
    resolution: resolved?.text ?? '',
    replies: events.flatMap((e) =>
      e.kind === 'resolved' || !e.text
        ? []
        : [{ from: e.kind === 'requester_replied' ? 'requester' : 'help_desk', text: e.text }],
    ),
    resolver: resolved?.who ?? undefined,
  };
}
