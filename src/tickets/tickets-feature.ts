import type { Feature } from '../commands/feature.ts';
import { capaCommand } from './capa-command.ts';
import { historyCommand } from './history-command.ts';
import { missedAnnouncementsJob } from './missed-announcements.ts';
import { newTicketForm } from './new-ticket-form.ts';
import { queueCards } from './queue-card.ts';
import { statusMessages } from './status-message.ts';
import { claimTicket, ticketPrompt } from './ticket-actions.ts';
import { mineCommand, statusCommand, ticketCommand } from './ticket-commands.ts';
import { ticketHome } from './ticket-home.ts';
import { queueThreadReply, waitingTicketReply } from './ticket-threads.ts';
import { workCommands as w } from './work-commands.ts';

/** Tickets across tiers: opening, following and working them, queue cards, and the person's home page. */
export const ticketsFeature: Feature = {
  name: 'tickets',
  commands: [
    ticketCommand,
    statusCommand,
    mineCommand,
    w.reply,
    w.reopen,
    historyCommand,
    w.claim,
    w.assign,
    w.escalate,
    w.deescalate,
    w.wait,
    w.resolve,
    w.note,
    w.priority,
    w.vendor,
    capaCommand,
    w.archive,
  ],
  actions: [claimTicket, ticketPrompt],
  forms: [newTicketForm],
  threads: [waitingTicketReply, queueThreadReply],
  home: [ticketHome],
  remembers: [statusMessages, queueCards],
  jobs: [missedAnnouncementsJob],
};
