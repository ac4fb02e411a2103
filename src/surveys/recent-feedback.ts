import type { DeskContext } from '../desk-context.ts';
import type { FeedbackLine, FeedbackSection } from '../messages/feedback-view.ts';
import { toRecentFeedbackMessage } from '../messages/feedback-view.ts';
import type { Message } from '../messages/message.ts';
import { toTicketRef } from '../model/ticket.ts';
import { type FeedbackEntry, listRecentFeedback } from '../store/feedback-lists.ts';
import { type FeedbackClass, feedbackClasses } from './feedback-class.ts';

const gravestFirst = [...feedbackClasses].reverse();
/** Each class's newest few on the whole list; more when one class is asked for. */
const eachOfAll = 5;
const oneClass = 10;

function toLine(f: FeedbackEntry): FeedbackLine {
  return {
    source: f.source,
    at: f.createdAt,
    // An anonymous pulse survey promised its answers go without names: its comments keep that promise here too.
    ...(f.anonymous ? {} : { name: f.name }),
    ...(f.comment ? { comment: f.comment } : {}),
    ...(f.rating === null ? {} : { rating: f.rating }),
    ...(f.ticketId === null ? {} : { about: toTicketRef(f.ticketId) }),
    ...(f.followUpTicketId === null ? {} : { followUp: toTicketRef(f.followUpTicketId) }),
  };
}

/**
 * `feedback recent [class]`, for leads and admins: what people said lately, by class. Complaints and
 * escalations also open follow-up tickets; undertones and concerns are only recorded, and this is where the
 * leads read them.
 */
export async function recentFeedback(ctx: DeskContext, only?: FeedbackClass): Promise<Message> {
  const sections: FeedbackSection[] = [];
  for (const kind of only ? [only] : gravestFirst) {
    const rows = await listRecentFeedback(ctx.db, kind, only ? oneClass : eachOfAll);
    sections.push({ kind, lines: rows.map(toLine) });
  }
  const options = { timeZone: ctx.sla.calendar.timeZone, now: ctx.clock.now(), one: only !== undefined };
  return toRecentFeedbackMessage(sections, options);
}
