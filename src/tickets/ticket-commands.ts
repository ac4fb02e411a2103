import { ticketRef } from '../commands/arguments.ts';
import { defineCommand } from '../commands/feature.ts';
import { ticketCopy } from '../messages/ticket-copy.ts';
import {
  toStaffTicketMessage,
  toTicketListMessage,
  toTicketOpenedMessage,
  toTicketStatusMessage,
} from '../messages/ticket-view.ts';
import { isStaff } from '../model/roles.ts';
import { toTicketRef } from '../model/ticket.ts';
import { listRequesterTickets, ticketPeopleNames } from '../store/ticket-lists.ts';
import { findTicket } from '../store/tickets.ts';
import { followUpNote } from './follow-up-note.ts';
import { newTicketForm } from './new-ticket-form.ts';
import { withQueueTrouble } from './queue-trouble.ts';
import { requestHelp } from './request-help.ts';

/** `ticket <subject>`: straight to a person, without searching first. */
export const ticketCommand = defineCommand<{ name: 'ticket'; subject: string }>({
  name: 'ticket',
  usage: '`ticket <subject>` — open a ticket for the help desk',
  audience: 'everyone',
  menu: true,
  form: newTicketForm.id,
  parse: (args) => (args === '' ? { usage: 'missing_argument' } : { name: 'ticket', subject: args }),
  async run(ctx, person, place, { subject }) {
    const { ticket, created, trouble } = await requestHelp(ctx, person, {
      subject,
      description: subject,
      origin: place,
    });
    return withQueueTrouble(toTicketOpenedMessage(ticket, created), trouble, person);
  },
});

/** `status` lists the person's open tickets; `status T-n` shows one (to staff, in full). */
export const statusCommand = defineCommand<{ name: 'status'; ticketId?: number }>({
  name: 'status',
  usage: '`status [T-n]` — your open tickets, or one ticket in detail',
  audience: 'everyone',
  menu: true,
  parse(args, explicit) {
    if (args === '') return { name: 'status' };
    const ref = ticketRef.safeParse(args);
    if (ref.success) return { name: 'status', ticketId: ref.data };
    return explicit ? { usage: 'bad_ticket_ref' } : undefined;
  },
  async run(ctx, person, _place, { ticketId }) {
    if (ticketId === undefined) {
      const open = await listRequesterTickets(ctx.db, person.id, { openOnly: true, limit: 10 });
      return open.length
        ? toTicketListMessage(ticketCopy.openTicketsHeading, open)
        : { text: ticketCopy.noOpenTickets };
    }
    const ticket = await findTicket(ctx.db, ticketId);
    const staff = isStaff(person);
    // Someone else's ticket is reported as not found: its existence is not the asker's business.
    if (!ticket || (!staff && ticket.requesterId !== person.id)) {
      return { text: ticketCopy.ticketNotFound(toTicketRef(ticketId)) };
    }
    if (!staff) return toTicketStatusMessage(ticket);
    const followUp = await followUpNote(ctx, ticket.id);
    return toStaffTicketMessage(ticket, {
      ...(await ticketPeopleNames(ctx.db, ticket)),
      ...(followUp ? { followUp } : {}),
    });
  },
});

export const mineCommand = defineCommand<{ name: 'mine' }>({
  name: 'mine',
  usage: '`mine` — all your tickets, newest first',
  audience: 'everyone',
  menu: true,
  parse: (args, explicit) => (args === '' || explicit ? { name: 'mine' } : undefined),
  async run(ctx, person) {
    const all = await listRequesterTickets(ctx.db, person.id, { openOnly: false, limit: 20 });
    return all.length ? toTicketListMessage(ticketCopy.allTicketsHeading, all) : { text: ticketCopy.noTickets };
  },
});
