import { defineCommand } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import { toDeliveriesMessage, type UndeliveredLine } from '../messages/deliveries-view.ts';
import { deliveryCopy } from '../messages/delivery-copy.ts';
import { toTicketRef } from '../model/ticket.ts';
import type { OutboundMessage } from '../store/outbound-messages.ts';
import { summariseOutbound } from '../store/outbound-messages.ts';

/** Given up and delivered-late counts cover this many days; what still waits is shown whatever its age. */
const days = 7;

const c = deliveryCopy.deliveries;

function toLine(row: OutboundMessage): UndeliveredLine {
  const ticket = row.about.ticket;
  const to =
    row.target.kind === 'place'
      ? `${row.platform}:${row.target.address}`
      : row.target.kind === 'person'
        ? `${row.platform}:${row.target.person.workspace}:${row.target.person.userId}`
        : `${row.platform}:${row.target.posted.id} (edit)`;
  return {
    what: row.what,
    ...(typeof ticket === 'number' ? { about: toTicketRef(ticket) } : {}),
    to,
    problem: row.lastError ?? undefined,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    givenUpAt: row.givenUpAt,
  };
}

export async function deliveriesReport(ctx: DeskContext) {
  const since = new Date(ctx.clock.now().getTime() - days * 86_400_000);
  const summary = await summariseOutbound(ctx.db, since);
  return {
    days,
    waiting: summary.waiting,
    givenUp: summary.givenUp,
    deliveredLate: summary.deliveredLate,
    sinceStart: ctx.delivery.failures(),
    latest: summary.latest.map(toLine),
  };
}

/** `deliveries`: what the desk could not deliver (admins), so nothing goes missing unseen. */
export const deliveriesCommand = defineCommand<{ name: 'deliveries' }>({
  name: 'deliveries',
  usage: c.usage,
  audience: 'admins',
  refusal: { log: 'deliveries command refused', text: { admins: c.refused } },
  parse: (args, explicit) => (args === '' ? { name: 'deliveries' } : explicit ? { usage: 'bad_arguments' } : undefined),
  run: async (ctx) => toDeliveriesMessage(await deliveriesReport(ctx)),
});
