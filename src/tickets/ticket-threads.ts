import type { ThreadHook } from '../commands/feature.ts';
import { isStaff } from '../model/roles.ts';
import { toAddress } from '../outbox.ts';
import { findTicketByQueueCard, findWaitingTicketInThread } from '../store/ticket-lists.ts';
import { runWorkCommand } from './work-commands.ts';

/** In the thread of a ticket waiting on them, what the requester writes is their answer to it. */
export const waitingTicketReply: ThreadHook = {
  async run(ctx, person, place, text) {
    if (!place.thread) return undefined;
    const waiting = await findWaitingTicketInThread(ctx.db, person.id, place);
    if (!waiting) return undefined;
    return runWorkCommand(ctx, person, place, { name: 'reply', ticketId: waiting.id, text });
  },
};

/** A help-desk member writing under a ticket's queue card is replying to the requester. */
export const queueThreadReply: ThreadHook = {
  overheardOnly: true,
  async run(ctx, person, place, text) {
    if (!isStaff(person) || !place.thread) return undefined;
    const ticket = await findTicketByQueueCard(ctx.db, place.platform, toAddress(place));
    if (!ticket) return undefined;
    return runWorkCommand(ctx, person, place, { name: 'reply', ticketId: ticket.id, text });
  },
};
