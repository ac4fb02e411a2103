import { looksLikeTicketRef, ticketAndRest } from '../commands/arguments.ts';
import { defineCommand } from '../commands/feature.ts';
import { surveyCopy } from '../messages/survey-copy.ts';
import { toTicketRef } from '../model/ticket.ts';
import { latestCsatAsk } from '../store/survey-asks.ts';
import { findTicket } from '../store/tickets.ts';
import { type FeedbackClass, feedbackClasses } from './feedback-class.ts';
import type { FeedbackHandling } from './feedback-classing.ts';
import { giveFeedback } from './give-feedback.ts';
import { recentFeedback } from './recent-feedback.ts';

type FeedbackCommand =
  | { name: 'feedback'; action: 'give'; ticketId?: number; text: string }
  /** What people said lately, for leads and admins: every class, or one. */
  | { name: 'feedback'; action: 'recent'; class?: FeedbackClass };

/** `recent`, `recent concern`, `recent concerns`: the listing. "recent changes are great" is feedback. */
function parseRecent(args: string): FeedbackCommand | undefined {
  const [word, kind, ...extra] = args.trim().toLowerCase().split(/\s+/);
  if (word !== 'recent' || extra.length > 0) return undefined;
  if (kind === undefined) return { name: 'feedback', action: 'recent' };
  const named = feedbackClasses.find((c) => c === kind || `${c}s` === kind);
  return named ? { name: 'feedback', action: 'recent', class: named } : undefined;
}

/**
 * `feedback T-n <text>` about a ticket (a CSAT comment once it was asked, kept with the score standing then),
 * or `feedback <text>` about the service. Each is classed and acknowledged in words that fit its class.
 * `feedback recent [class]` lists what was said lately, for leads and admins.
 */
export const feedbackCommand = (handling: FeedbackHandling) =>
  defineCommand<FeedbackCommand>({
    name: 'feedback',
    usage:
      '`feedback [T-n] <text>` — tell the help desk how it went, or anything about the service; `feedback recent [class]` — what people said lately, by class (leads and admins)',
    audience: 'everyone',
    audienceOf: (command) => (command.action === 'recent' ? 'overseers' : 'everyone'),
    refusal: { log: 'feedback listing refused', text: { overseers: surveyCopy.recentRefused } },
    parse(args) {
      const recent = parseRecent(args);
      if (recent) return recent;
      const [first = ''] = args.split(/\s+/);
      const about = looksLikeTicketRef(first) ? ticketAndRest(args) : undefined;
      const text = (about ? about.rest : args).trim();
      if (!text) return { usage: 'bad_arguments' };
      const give = { name: 'feedback', action: 'give', text } as const;
      return about ? { ...give, ticketId: about.ticketId } : give;
    },
    async run(ctx, person, place, command) {
      if (command.action === 'recent') return recentFeedback(ctx, command.class);
      if (command.ticketId === undefined) return giveFeedback(ctx, handling, person, place, command.text, {});
      const ticket = await findTicket(ctx.db, command.ticketId);
      // Someone else's ticket is not named: it is as if it did not exist.
      if (!ticket || ticket.requesterId !== person.id) {
        return { text: surveyCopy.feedbackNoTicket(toTicketRef(command.ticketId)) };
      }
      const ask = await latestCsatAsk(ctx.db, ticket.id);
      return giveFeedback(ctx, handling, person, place, command.text, { ticket, ...(ask ? { ask } : {}) });
    },
  });
