import type { TicketListener } from '../commands/feature.ts';
import { toCsatMessage } from '../messages/csat-view.ts';
import { insertCsatAsk } from '../store/survey-asks.ts';
import { csatWire } from './csat-wire.ts';

const dayMs = 86_400_000;

/**
 * Once a ticket is resolved, its requester is asked how it went, where they asked: one ask per resolution (a
 * reopen and a second resolve ask again; closing on its own or archiving asks nothing). The ask is stored
 * before it is sent, so a retried change finds it and sends nothing more.
 */
export const askForCsat =
  (settings: { csatExpiresDays: number }): TicketListener =>
  async (ctx, { ticket, events }) => {
    if (!events.some((e) => e.kind === 'resolved') || !ticket.resolvedAt) return;
    const now = ctx.clock.now();
    const ask = await insertCsatAsk(ctx.db, {
      personId: ticket.requesterId,
      ticketId: ticket.id,
      ticketVersion: ticket.version,
      resolvedAt: ticket.resolvedAt,
      place: ticket.origin,
      askedAt: now,
      expiresAt: new Date(now.getTime() + settings.csatExpiresDays * dayMs),
    });
    if (!ask) return;
    const message = toCsatMessage(ticket, (score) => ({
      actionId: csatWire.id,
      value: csatWire.encode({ askId: ask.id, score }),
    }));
    await ctx.delivery.toPlace(ticket.origin, message, 'csat survey', { ticket: ticket.id, ask: ask.id });
  };
