import { defineCommand } from '../commands/feature.ts';
import { toHistoryMessage } from '../messages/history-view.ts';
import { ticketCopy } from '../messages/ticket-copy.ts';
import { tierNames } from '../messages/tier-names.ts';
import { isStaff } from '../model/roles.ts';
import { toTicketRef } from '../model/ticket.ts';
import type { Tier } from '../model/tiers.ts';
import { listTicketHistory } from '../store/ticket-events.ts';
import { findTicket } from '../store/tickets.ts';
import { ticketArgs } from './ticket-args.ts';
import { formatDuration, openingTier, tierHops, timePerTier } from './time-per-tier.ts';

/** Every change to a ticket, with the time it spent with each tier; requesters see their own, without notes. */
export const historyCommand = defineCommand<{ name: 'history'; ticketId: number }>({
  name: 'history',
  usage: '`history T-n` — everything that happened to a ticket',
  audience: 'everyone',
  parse: ticketArgs((ticketId, rest) => (rest === '' ? { name: 'history', ticketId } : undefined)),
  async run(ctx, person, _place, { ticketId }) {
    const ref = toTicketRef(ticketId);
    const ticket = await findTicket(ctx.db, ticketId);
    const staff = isStaff(person);
    if (!ticket || (!staff && ticket.requesterId !== person.id)) {
      return { text: ticketCopy.refusal({ code: 'not_found' }, ref) };
    }
    const rows = await listTicketHistory(ctx.db, ticketId);
    // Internal notes are for the help desk only.
    const visible = rows.filter((r) => staff || r.kind !== 'note');
    const end = ticket.resolvedAt ?? ctx.clock.now();
    const start = openingTier(rows, ticket.tier);
    const spent = Object.entries(timePerTier(ticket.createdAt, tierHops(rows), end, start)).map(
      ([tier, ms]) => `${tierNames[tier as Tier]} ${formatDuration(ms)}`,
    );
    return toHistoryMessage(
      ticket,
      visible.map((r) => ({ ...r, who: r.who ?? 'Tierdesk' })),
      {
        reader: staff ? 'staff' : 'requester',
        timeZone: ctx.sla.calendar.timeZone,
        now: ctx.clock.now(),
        timePerTier: spent.join(' · '),
      },
    );
  },
});
