import { defineAction } from '../commands/feature.ts';
import { ticketCopy } from '../messages/ticket-copy.ts';
import { toTicketRef } from '../model/ticket.ts';
import { claimWire, promptWire } from './queue-card-buttons.ts';
import { runWorkCommand } from './work-commands.ts';

/** Claim on a queue card: the ticket is the presser's at once. */
export const claimTicket = defineAction({
  ...claimWire,
  run: (ctx, person, place, { ticketId }) => runWorkCommand(ctx, person, place, { name: 'claim', ticketId }),
});

/** Assign…, Escalate…, Resolve… need words: they answer with the command to finish, for that ticket. */
export const ticketPrompt = defineAction({
  ...promptWire,
  run: async (_ctx, _person, _place, { command, ticketId }) => ({
    text: ticketCopy.prompt(command, toTicketRef(ticketId)),
  }),
});
