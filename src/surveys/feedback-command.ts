import { looksLikeTicketRef, ticketAndRest } from '../commands/arguments.ts';
import { defineCommand } from '../commands/feature.ts';
import { surveyCopy } from '../messages/survey-copy.ts';
import { toTicketRef } from '../model/ticket.ts';
import { insertFeedback, latestCsatAsk, standingScore } from '../store/survey-asks.ts';
import { findTicket } from '../store/tickets.ts';

type FeedbackCommand = { name: 'feedback'; ticketId?: number; text: string };

/** `feedback T-n <text>` about a ticket (a CSAT comment once it was asked), or `feedback <text>` about the service. */
export const feedbackCommand = defineCommand<FeedbackCommand>({
  name: 'feedback',
  usage: '`feedback [T-n] <text>` — tell the help desk how it went, or anything about the service',
  audience: 'everyone',
  parse(args) {
    const [first = ''] = args.split(/\s+/);
    const about = looksLikeTicketRef(first) ? ticketAndRest(args) : undefined;
    const text = (about ? about.rest : args).trim();
    if (!text) return { usage: 'bad_arguments' };
    return about ? { name: 'feedback', ticketId: about.ticketId, text } : { name: 'feedback', text };
  },
  async run(ctx, person, _place, command) {
    const now = ctx.clock.now();
    if (command.ticketId === undefined) {
      const id = await insertFeedback(ctx.db, {
        personId: person.id,
        source: 'free',
        comment: command.text,
        createdAt: now,
      });
      ctx.log.info('feedback given', { feedback: id, by: person.id, source: 'free' });
      return { text: surveyCopy.feedbackThanks };
    }
    const ref = toTicketRef(command.ticketId);
    const ticket = await findTicket(ctx.db, command.ticketId);
    // Someone else's ticket is not named: it is as if it did not exist.
    if (!ticket || ticket.requesterId !== person.id) return { text: surveyCopy.feedbackNoTicket(ref) };
    const ask = await latestCsatAsk(ctx.db, ticket.id);
    const rating = ask ? await standingScore(ctx.db, ask.id, 'rating') : undefined;
    const id = await insertFeedback(ctx.db, {
      personId: person.id,
      source: ask ? 'csat' : 'free',
      ticketId: ticket.id,
      ...(ask ? { askId: ask.id } : {}),
      ...(rating === undefined ? {} : { rating }),
      comment: command.text,
      createdAt: now,
    });
    ctx.log.info('feedback given', { feedback: id, by: person.id, ticket: ticket.id, source: ask ? 'csat' : 'free' });
    return { text: surveyCopy.feedbackOnTicket(ref) };
  },
});
