import type { DeskContext } from '../desk-context.ts';
import { surveyCopy } from '../messages/survey-copy.ts';
import type { PlaceRef } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import type { Ticket } from '../model/ticket.ts';
import { toTicketRef } from '../model/ticket.ts';
import { followUpOfAsk, setFollowUp } from '../store/survey-asks.ts';
import { listTicketHistory } from '../store/ticket-events.ts';
import { requestHelp } from '../tickets/request-help.ts';
import { tierWhenResolved } from '../tickets/time-per-tier.ts';
import type { FeedbackClass } from './feedback-class.ts';

/** What was said that needs a person to follow it up. */
export interface NeedsFollowUp {
  feedbackId: number;
  class: FeedbackClass;
  rating?: number;
  comment?: string;
  /** The ticket it is about, and its survey, when it is. */
  ticket?: Ticket;
  askId?: number;
}

/** A low score (1–2), a complaint or an escalation is followed up by a person; the rest is recorded. */
export const needsFollowUp = (f: { class: FeedbackClass; rating?: number | undefined }) =>
  f.class === 'complaint' || f.class === 'escalation' || (f.rating !== undefined && f.rating <= 2);

/**
 * Opens the follow-up ticket, its requester the person who gave the feedback (so the help desk's replies
 * reach them where they said it), linked to the ticket it is about: escalation at P2, anything else at P3.
 * It opens at the tier that resolved that ticket (free feedback at Tier 1), so it counts in that tier's
 * queue and its time. One per survey: a second low score or comment on it is added to the same follow-up's
 * record. Returns the follow-up's ref.
 */
export async function openFollowUp(
  ctx: DeskContext,
  person: Person,
  place: PlaceRef,
  said: NeedsFollowUp,
  /** QUEUE_FEEDBACK: where follow-ups are announced; unset, the queue of the tier it opens at. */
  queue?: string,
): Promise<string> {
  const existing = said.askId === undefined ? undefined : await followUpOfAsk(ctx.db, said.askId);
  if (existing !== undefined) {
    await setFollowUp(ctx.db, said.feedbackId, existing);
    return toTicketRef(existing);
  }
  const about = said.ticket ? toTicketRef(said.ticket.id) : undefined;
  const tier = said.ticket
    ? tierWhenResolved(await listTicketHistory(ctx.db, said.ticket.id), said.ticket.tier)
    : 'tier1';
  // A lead who set QUEUE_FEEDBACK reads every follow-up in that one place, whichever tier it belongs to; the
  // tier's agents still find it first in `queue <tier>`. Without it, the card goes where that tier's work goes.
  const { ticket } = await requestHelp(ctx, person, {
    subject: surveyCopy.followUpSubject(said.class, about, said.rating),
    description: surveyCopy.followUpDescription(said.comment, about, said.ticket?.subject),
    priority: said.class === 'escalation' ? 'P2' : 'P3',
    tier,
    origin: place,
    ...(queue ? { queue } : {}),
    beforeAnnounce: (opened) => setFollowUp(ctx.db, said.feedbackId, opened.id),
  });
  ctx.log.info('feedback followed up', { feedback: said.feedbackId, ticket: ticket.id, class: said.class, tier });
  return toTicketRef(ticket.id);
}
