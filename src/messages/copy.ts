import type { PromptCommand } from '../commands/parse-action.ts';
import type { CommandName, UsageProblem } from '../commands/parse-command.ts';
import { maxTextLength } from '../commands/parse-command.ts';
import type { ChangeRefusal } from '../tickets/change-ticket.ts';
import type { Tier } from '../tickets/ticket.ts';

/** Every sentence the desk says about a problem lives here, so tone stays consistent. */
export const copy = {
  declined: "I couldn't find an article that answers that. Would you like to talk to a person from the help desk?",
  clarify: 'I found a few articles that might help. Which of these is closest?',
  clarifyOne: "I found an article that might help, but I'm not sure it fits. Is this it?",
  notHelpful: "Sorry that didn't help. You can ask again in other words, or talk to a person from the help desk.",
  helpfulThanks: 'Great, glad that helped! Ask me anything else any time.',
  smallTalk: {
    greeting: 'Hi! Ask me a question in your own words, or type `help` to see what I can do.',
    thanks: "You're welcome! Ask me anything else any time.",
    farewell: "Bye for now. I'm here whenever you need help.",
    vague:
      "Sure. Tell me what's wrong in a sentence, for example \"my VPN keeps disconnecting\", and I'll look it up. Or type `ticket <what's wrong>` to go straight to a person.",
  },
  feedbackAlreadyGiven: 'Thanks, I already have your feedback on that answer.',
  staleAction: "That button belongs to a conversation I can't find any more. Please ask your question again.",
  notYourAction: 'That button belongs to someone else\u2019s conversation, so I left it alone.',
  unknownAction: "I didn't recognise that button. Please ask your question again, or type `help`.",
  noOpenTickets: "You have no open tickets. Type `ticket <what's wrong>` to open one.",
  noTickets: "You haven't opened any tickets yet. Type `ticket <what's wrong>` to open one.",
  ticketNotFound: (ref: string) => `I couldn't find ${ref} among your tickets. Type \`mine\` to list them.`,
  ticketAlreadyOpen: (ref: string) =>
    `You already have ticket ${ref} for this question. Its status is kept up to date in my earlier message.`,
  internalError: (reference: string) =>
    `Sorry, something went wrong on our side. Please try again in a moment; if it keeps happening, quote reference ${reference} to the help desk.`,
  usage: (problem: UsageProblem, name?: CommandName): string => {
    switch (problem) {
      case 'empty':
        return 'Type a question, or `help` to see what I can do.';
      case 'too_long':
        return `That message is too long for me (over ${maxTextLength.toLocaleString('en')} characters). Please send a shorter question; you can add details to a ticket later.`;
      case 'unknown_command':
        return "I don't know that command. Type `help` to see the ones I know.";
      case 'missing_argument':
        return `\`${name}\` needs a bit more. Usage: ${name ? commandUsage[name] : ''}`;
      case 'bad_ticket_ref':
        return `I couldn't read that ticket number. Usage: ${name ? commandUsage[name] : ''}`;
      case 'bad_arguments':
        return `That doesn't fit \`${name}\`. Usage: ${name ? commandUsage[name] : ''}`;
    }
  },
  refusal: (r: ChangeRefusal, ref: string): string => {
    switch (r.code) {
      case 'not_found':
        return `I couldn't find ${ref}. Type \`mine\` to list your tickets.`;
      case 'not_staff':
        return 'Sorry, only the help desk can do that. Ask an admin for a role if you need one.';
      case 'other_tier':
        return `${ref} is with ${tierNames[r.tier]}, which is not your tier. Ask a lead, or the ${tierNames[r.tier]} team.`;
      case 'already_claimed':
        return `${ref} is already being handled by ${r.by}.`;
      case 'already_yours':
        return `${ref} is already yours.`;
      case 'assignee_not_staff':
        return `${r.name} is not on the help desk, so ${ref} can't be assigned to them. An admin can add them with \`staff add\`.`;
      case 'finished':
        return `${ref} is already ${r.status}. Type \`reopen ${ref}\` first if it needs more work.`;
      case 'not_finished':
        return `${ref} is still open, so there is nothing to reopen.`;
      case 'not_requester':
        return `Only the person who asked, or the help desk, can do that on ${ref}.`;
      case 'no_higher_tier':
        return `${ref} is already with the vendor: there is no higher tier. A lead can take it from here.`;
      case 'no_lower_tier':
        return `${ref} is already with Tier 1: there is no lower tier.`;
      case 'not_higher':
        return `${ref} is with ${tierNames[r.from]}; escalation goes up, not to ${tierNames[r.to]}. Use \`deescalate ${ref}\` to send it back.`;
      case 'unchanged':
        return `${ref} already is that way: nothing changed.`;
      case 'not_closed':
        return `${ref} is not closed yet; only closed tickets can be archived.`;
      case 'changed':
        return `${ref} changed while I was updating it. Please look at it again and retry.`;
    }
  },
  /** What the Assign…/Escalate…/Resolve… buttons answer: the command to finish, for that ticket. */
  ticketPrompt: (command: PromptCommand, ref: string) =>
    command === 'assign'
      ? `To assign ${ref}, type: \`assign ${ref} @person\``
      : command === 'escalate'
        ? `To escalate ${ref}, type: \`escalate ${ref} [tier2|tier3|vendor] <why, for the next tier>\``
        : `To resolve ${ref}, type: \`resolve ${ref} <what fixed it, for the requester>\``,
  personNotFound: (who: string) =>
    `I couldn't tell who "${who}" is. Use @name, a Slack mention, or a full id such as slack:T0123:U0456.`,
  gapsRefused: 'Sorry, only admins and leads can see where the knowledge base falls short.',
  noGaps: (days: number) =>
    `No gaps in the last ${days} days: every question was answered, and nobody said an answer didn't help.`,
  draftRefused: 'Sorry, only Tier 2 and above, leads and admins can draft articles from tickets.',
  draftNoTicket: (ref: string) => `I couldn't find ${ref}.`,
  draftNotFinished: (ref: string) =>
    `${ref} is not resolved yet. Draft an article once the fix is known: \`kb draft ${ref}\` after \`resolve ${ref}\`.`,
  draftExists: (ref: string, path: string) =>
    `There already is a draft for ${ref}: ${path}. I left it as it is; edit it, or remove it to draft again.`,
  draftWritten: (ref: string, path: string, subject: string) =>
    `Drafted "${subject}" from ${ref} as ${path} in the knowledge folder. It is not live: review it, then move it up out of drafts/ to publish it.`,
  draftsUnavailable: "Sorry, drafts can't be written here: this desk has no knowledge folder to write to.",
};

const tierNames: Record<Tier, string> = {
  tier1: 'Tier 1',
  tier2: 'Tier 2',
  tier3: 'Tier 3',
  vendor: 'the vendor tier',
};

export const commandUsage: Record<CommandName, string> = {
  help: '`help` — what I can do',
  ask: '`ask <question>` — search the knowledge base',
  ticket: '`ticket <subject>` — open a ticket for the help desk',
  status: '`status [T-n]` — your open tickets, or one ticket in detail',
  mine: '`mine` — all your tickets, newest first',
  reply: '`reply T-n <text>` — answer the help desk on your ticket (help desk: write to the requester)',
  reopen: '`reopen T-n [why]` — reopen a resolved ticket',
  history: '`history T-n` — everything that happened to a ticket',
  claim: '`claim T-n` — take a ticket',
  assign: '`assign T-n @person` — give a ticket to someone on the help desk',
  escalate: '`escalate T-n [tier2|tier3|vendor] <reason>` — move a ticket up, with a handoff for the next tier',
  deescalate: '`deescalate T-n [reason]` — move a ticket down one tier',
  wait: '`wait T-n <question>` — ask the requester; the SLA clock pauses until they answer',
  resolve: '`resolve T-n <resolution>` — resolve a ticket and tell the requester how',
  note: '`note T-n <text>` — an internal note, never shown to the requester',
  priority: '`priority T-n P1|P2|P3|P4` — change the priority',
  vendor: '`vendor T-n <vendor> <case ref>` — hand a ticket to an external vendor',
  capa: '`capa T-n <cause, corrective and preventive action>` — write up a missed SLA',
  archive: '`archive T-n` — hide a closed ticket from lists (it is kept, never deleted)',
  queue:
    "`queue set tier1|tier2|tier3|vendor <platform:place>`, `queue list` — where each tier's queue is (admins and leads)",
  kb: '`kb learned [article id]`, `kb forget <n>` — phrasings learned from helpful answers, and removing one (admins and leads); `kb draft T-n` — a draft article from a resolved ticket, for review (Tier 2 and above, leads, admins)',
  gaps: '`gaps [n] [days]d` — the questions the knowledge base answered badly or not at all, grouped (admins and leads; e.g. `gaps 20 30d`)',
  staff:
    '`staff add @person tier1|tier2|tier3|vendor|lead|admin`, `staff remove @person`, `staff list` — manage the help desk (admins)',
};
