import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import { surveyCopy } from '../messages/survey-copy.ts';
import type { PlaceRef } from '../model/identity.ts';
import type { Person } from '../model/person.ts';
import { type Ticket, toTicketRef } from '../model/ticket.ts';
import {
  insertCommentOnce,
  insertFeedback,
  type StoredComment,
  sameComment,
  standingScore,
} from '../store/survey-asks.ts';
import { classedColumns, type FeedbackClass } from './feedback-class.ts';
import type { FeedbackHandling } from './feedback-classing.ts';
import { needsFollowUp, openFollowUp } from './follow-up.ts';

/** What a comment is about: a ticket, the survey it answers (a CSAT's or a pulse's), both, or neither. */
export interface CommentAbout {
  ticket?: Ticket;
  ask?: { id: number; kind: 'csat' | 'pulse' };
}

/**
 * A comment, however it was given (`feedback T-n <text>`, the CSAT's comment form, a pulse's written answer,
 * `feedback <text>`): classed (with a CSAT's standing score), kept in the feedback record once, acknowledged
 * in words that fit its class, and followed up by a person when it needs one (one follow-up per survey).
 * The caller has checked the person may say it here (their ticket, their open survey).
 */
export async function giveFeedback(
  ctx: DeskContext,
  { classify, followUpQueue }: FeedbackHandling,
  person: Person,
  place: PlaceRef,
  comment: string,
  { ticket, ask }: CommentAbout,
): Promise<Message> {
  const rating = ask?.kind === 'csat' ? await standingScore(ctx.db, ask.id, 'rating') : undefined;
  const ref = ticket ? toTicketRef(ticket.id) : undefined;
  const on = ask ? { askId: ask.id, personId: person.id, comment } : undefined;
  // The same words again on the same survey are the comment already kept: not classed, stored or followed up twice.
  let kept: StoredComment | undefined = on ? await sameComment(ctx.db, on) : undefined;
  if (!kept) {
    const classed = await classify(ctx, comment, rating);
    const row = {
      personId: person.id,
      source: ask?.kind ?? ('free' as const),
      ...(ticket ? { ticketId: ticket.id } : {}),
      ...(rating === undefined ? {} : { rating }),
      comment,
      ...classedColumns(classed),
      createdAt: ctx.clock.now(),
    };
    kept = on
      ? await insertCommentOnce(ctx.db, { ...row, ...on })
      : { id: await insertFeedback(ctx.db, row), class: classed.class, written: true };
    if (kept.written) {
      ctx.log.info('feedback given', {
        feedback: kept.id,
        by: person.id,
        ticket: ticket?.id,
        ask: ask?.id,
        class: classed.class,
      });
    }
  }
  const kind: FeedbackClass = kept.class ?? 'undertone';
  const said = kept.written ? surveyCopy.acknowledge(kind, ref) : surveyCopy.commentKeptAlready(ref);
  if (!needsFollowUp({ class: kind, rating })) return { text: said };
  const followUp = await openFollowUp(
    ctx,
    person,
    place,
    {
      feedbackId: kept.id,
      class: kind,
      comment,
      ...(rating === undefined ? {} : { rating }),
      ...(ticket ? { ticket } : {}),
      ...(ask ? { askId: ask.id } : {}),
    },
    followUpQueue,
  );
  return { text: `${said} ${surveyCopy.followUpOpened(followUp)}` };
}
