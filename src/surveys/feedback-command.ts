import { looksLikeTicketRef, ticketAndRest } from '../commands/arguments.ts';
import { defineCommand } from '../commands/feature.ts';
import { surveyCopy } from '../messages/survey-copy.ts';
import { toTicketRef } from '../model/ticket.ts';
import { insertFeedback, latestCsatAsk, standingScore } from '../store/survey-asks.ts';
import { findTicket } from '../store/tickets.ts';
import { classedColumns } from './feedback-class.ts';
import type { FeedbackHandling } from './feedback-classing.ts';
import { needsFollowUp, openFollowUp } from './follow-up.ts';

type FeedbackCommand = { name: 'feedback'; ticketId?: number; text: string };

/**
 * `feedback T-n <text>` about a ticket (a CSAT comment once it was asked, kept with the score standing then),
 * or `feedback <text>` about the service. Each is classed and acknowledged in words that fit its class.
 */
export const feedbackCommand = ({ classify, followUpQueue }: FeedbackHandling) =>
  defineCommand<FeedbackCommand>({
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
    async run(ctx, person, place, command) {
      const now = ctx.clock.now();
      const ticket = command.ticketId === undefined ? undefined : await findTicket(ctx.db, command.ticketId);
      const ref = command.ticketId === undefined ? undefined : toTicketRef(command.ticketId);
      // Someone else's ticket is not named: it is as if it did not exist.
      if (ref && (!ticket || ticket.requesterId !== person.id)) return { text: surveyCopy.feedbackNoTicket(ref) };
      const ask = ticket ? await latestCsatAsk(ctx.db, ticket.id) : undefined;
      const rating = ask ? await standingScore(ctx.db, ask.id, 'rating') : undefined;
      const classed = await classify(ctx, command.text, rating);
      const id = await insertFeedback(ctx.db, {
        personId: person.id,
        source: ask ? 'csat' : 'free',
        ...(ticket ? { ticketId: ticket.id } : {}),
        ...(ask ? { askId: ask.id } : {}),
        ...(rating === undefined ? {} : { rating }),
        comment: command.text,
        ...classedColumns(classed),
        createdAt: now,
      });
      ctx.log.info('feedback given', { feedback: id, by: person.id, ticket: ticket?.id, class: classed.class });
      const said = surveyCopy.acknowledge(classed.class, ref);
      if (!needsFollowUp({ class: classed.class, rating })) return { text: said };
      const followUp = await openFollowUp(
        ctx,
        person,
        place,
        {
          feedbackId: id,
          class: classed.class,
          comment: command.text,
          ...(rating === undefined ? {} : { rating }),
          ...(ticket ? { ticket } : {}),
          ...(ask ? { askId: ask.id } : {}),
        },
        followUpQueue,
      );
      return { text: `${said} ${surveyCopy.followUpOpened(followUp)}` };
    },
  });
