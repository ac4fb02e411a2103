import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DraftSource } from '../knowledge/learning/draft-article.ts';
import type { DbOrTx } from '../store/db.ts';
import { findInteraction, listEarlierInConversation } from '../store/interactions.ts';
import { people, ticketEvents } from '../store/schema.ts';
import type { Ticket } from './open-ticket.ts';

/**
 * What a finished ticket offers an article: the question (and how the requester put it earlier in the same
 * conversation), the last resolution and who gave it, and the help desk's replies. Internal notes stay out:
 * they were never meant for the requester.
 */
export async function loadDraftSource(db: DbOrTx, ticket: Ticket): Promise<Omit<DraftSource, 'reviewBy'>> {
  const events = await db
    .select({ kind: ticketEvents.kind, text: ticketEvents.reason, who: people.displayName })
    .from(ticketEvents)
    .leftJoin(people, eq(people.id, ticketEvents.actorId))
    .where(and(eq(ticketEvents.ticketId, ticket.id), inArray(ticketEvents.kind, ['resolved', 'agent_replied'])))
    .orderBy(asc(ticketEvents.id));
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
    replies: events.filter((e) => e.kind === 'agent_replied').flatMap((e) => (e.text ? [e.text] : [])),
    resolver: resolved?.who ?? undefined,
  };
}
