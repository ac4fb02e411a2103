import type { CommandName, UsageProblem } from '../commands/parse-command.ts';
import { maxTextLength } from '../commands/parse-command.ts';

/** Every sentence the desk says about a problem lives here, so tone stays consistent. */
export const copy = {
  declined: "I couldn't find an article that answers that. Would you like to talk to a person from the help desk?",
  clarify: 'I found a few articles that might help. Which of these is closest?',
  notHelpful: "Sorry that didn't help. You can ask again in other words, or talk to a person from the help desk.",
  helpfulThanks: 'Great, glad that helped! Ask me anything else any time.',
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
    }
  },
};

export const commandUsage: Record<CommandName, string> = {
  help: '`help` — what I can do',
  ask: '`ask <question>` — search the knowledge base',
  ticket: '`ticket <subject>` — open a ticket for the help desk',
  status: '`status [T-n]` — your open tickets, or one ticket in detail',
  mine: '`mine` — all your tickets, newest first',
};
