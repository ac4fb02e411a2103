import type { DeskContext } from '../desk-context.ts';
import type { PlaceRef } from '../inbound.ts';
import { answerQuestion } from '../knowledge/answers/answer-question.ts';
import { copy } from '../messages/copy.ts';
import { toHelpMessage } from '../messages/help-view.ts';
import type { Message } from '../messages/message.ts';
import {
  toStaffTicketMessage,
  toTicketListMessage,
  toTicketOpenedMessage,
  toTicketStatusMessage,
} from '../messages/ticket-view.ts';
import type { Person } from '../store/people.ts';
import { requestHelp } from '../tickets/request-help.ts';
import { findTicket, listRequesterTickets, ticketPeopleNames } from '../tickets/ticket-queries.ts';
import { toTicketRef } from '../tickets/ticket-ref.ts';
import type { Command } from './parse-command.ts';
import { runDraftCommand } from './run-draft-command.ts';
import { runGapsCommand } from './run-gaps-command.ts';
import { runKbCommand, runQueueCommand, runStaffCommand } from './run-staff-command.ts';
import { runTicketCommand } from './run-ticket-command.ts';

export async function runCommand(
  ctx: DeskContext,
  person: Person,
  place: PlaceRef,
  command: Command,
): Promise<Message> {
  switch (command.name) {
    case 'help':
      return toHelpMessage(command.topic, person.role !== 'requester');
    case 'ask':
      return answerQuestion(ctx, person, place, command.question);
    case 'ticket': {
      const { ticket, created } = await requestHelp(ctx, person, {
        subject: command.subject,
        description: command.subject,
        origin: place,
      });
      return toTicketOpenedMessage(ticket, created);
    }
    case 'status': {
      if (command.ticketId === undefined) {
        const open = await listRequesterTickets(ctx.db, person.id, { openOnly: true, limit: 10 });
        return open.length ? toTicketListMessage('Your open tickets:', open) : { text: copy.noOpenTickets };
      }
      const ticket = await findTicket(ctx.db, command.ticketId);
      const staff = person.role !== 'requester';
      // Someone else's ticket is reported as not found: its existence is not the asker's business.
      if (!ticket || (!staff && ticket.requesterId !== person.id)) {
        return { text: copy.ticketNotFound(toTicketRef(command.ticketId)) };
      }
      if (!staff) return toTicketStatusMessage(ticket);
      return toStaffTicketMessage(ticket, await ticketPeopleNames(ctx.db, ticket));
    }
    case 'mine': {
      const all = await listRequesterTickets(ctx.db, person.id, { openOnly: false, limit: 20 });
      return all.length ? toTicketListMessage('Your tickets, newest first:', all) : { text: copy.noTickets };
    }
    case 'staff':
      return runStaffCommand(ctx, person, command);
    case 'queue':
      return runQueueCommand(ctx, person, command);
    case 'kb':
      return command.action === 'draft' ? runDraftCommand(ctx, person, command) : runKbCommand(ctx, person, command);
    case 'gaps':
      return runGapsCommand(ctx, person, command);
    default:
      return runTicketCommand(ctx, person, place, command);
  }
}
