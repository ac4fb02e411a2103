import { defineAction } from '../commands/feature.ts';
import { settling } from '../messages/message.ts';
import { surveyCopy } from '../messages/survey-copy.ts';
import { toTicketRef } from '../model/ticket.ts';
import { findAsk, recordScore } from '../store/survey-asks.ts';
import { csatWire } from './csat-wire.ts';
import type { FeedbackHandling } from './feedback-classing.ts';
import { followUpLowScore } from './low-score.ts';

/** Scores at or below this are asked what went wrong. */
const lowScore = 2;

/**
 * A score pressed on "How did we do?". Only its requester may answer, and only while it is open; the same
 * score twice counts once, a different one replaces it (both kept). The reply settles the rating, so each
 * platform shows what was chosen in place of the scores.
 */
export const rateCsat = (handling: FeedbackHandling) =>
  defineAction({
    ...csatWire,
    async run(ctx, person, place, { askId, score }) {
      const ask = await findAsk(ctx.db, askId);
      if (!ask) return { text: surveyCopy.gone };
      if (ask.personId !== person.id) return { text: surveyCopy.notYours };
      const now = ctx.clock.now();
      if (now >= ask.expiresAt) {
        ctx.log.info('survey answer refused: closed', { ask: ask.id, by: person.id });
        return settling({ text: surveyCopy.closed });
      }
      const ref = toTicketRef(ask.ticketId ?? 0);
      const { previous, written } = await recordScore(ctx.db, { askId, question: 'rating', score, answeredAt: now });
      ctx.log.info('csat answered', { ask: ask.id, score, counted: written });
      const said = !written
        ? surveyCopy.sameAgain(ref, score)
        : previous === undefined
          ? surveyCopy.thanks(ref, score)
          : surveyCopy.changed(ref, previous, score);
      // A score that newly fell to 1 or 2 is followed up by a person; a repeat or a change from 2 to 1 is not again.
      const newlyLow = written && score <= lowScore && (previous === undefined || previous > lowScore);
      if (!newlyLow) return settling({ text: score <= lowScore ? `${said} ${surveyCopy.lowScore(ref)}` : said });
      const followUp = await followUpLowScore(ctx, handling, person, place, ask, score);
      return settling({ text: `${said} ${surveyCopy.lowScore(ref)} ${surveyCopy.followUpOpened(followUp)}` });
    },
  });
