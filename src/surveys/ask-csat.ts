import type { TicketListener } from '../commands/feature.ts';
import { toCsatMessage } from '../messages/csat-view.ts';
import { insertCsatAsk } from '../store/survey-asks.ts';
import { surveyHistoryOf } from '../store/survey-preferences.ts';
import { toCsatCommentForm } from './csat-comment-form.ts';
import { csatWire } from './csat-wire.ts';
import { type FatigueRules, mayAsk } from './fatigue.ts';

const dayMs = 86_400_000;

/**
 * Once a ticket is resolved, its requester is asked how it went, where they asked: one ask per resolution (a
 * reopen and a second resolve ask again; closing on its own or archiving asks nothing). The ask is stored
 * before it is sent, so a retried change finds it and sends nothing more.
 */
export const askForCsat =
  (settings: { csatExpiresDays: number; fatigue: FatigueRules }): TicketListener =>
  async (ctx, { ticket, events }) => {
    if (!events.some((e) => e.kind === 'resolved') || !ticket.resolvedAt) return;
    const now = ctx.clock.now();
    // A person who said `surveys off` is not asked; the ask is kept, marked skipped, so it is counted.
    const allowed = mayAsk(await surveyHistoryOf(ctx.db, ticket.requesterId), now, 'csat', settings.fatigue);
    const ask = await insertCsatAsk(ctx.db, {
      personId: ticket.requesterId,
      ticketId: ticket.id,
      ticketVersion: ticket.version,
      resolvedAt: ticket.resolvedAt,
      place: ticket.origin,
      askedAt: now,
      expiresAt: new Date(now.getTime() + settings.csatExpiresDays * dayMs),
      ...(allowed.ok ? {} : { skipped: allowed.reason }),
    });
    if (!ask || !allowed.ok) return;
    const score = (n: number) => ({ actionId: csatWire.id, value: csatWire.encode({ askId: ask.id, score: n }) });
    const message = toCsatMessage(ticket, score, toCsatCommentForm(ask.id));
    await ctx.delivery.toPlace(ticket.origin, message, 'csat survey', { ticket: ticket.id, ask: ask.id });
  };
