/** Every sentence the desk says in general, about answers and about input it could not use. */
export type UsageProblem =
  | 'empty'
  | 'too_long'
  | 'unknown_command'
  | 'missing_argument'
  | 'bad_ticket_ref'
  | 'bad_arguments';

export const copy = {
  declined: "I couldn't find an article that answers that. Would you like to talk to a person from the help desk?",
  clarify: 'I found a few articles that might help. Which of these is closest?',
  clarifyOne: "I found an article that might help, but I'm not sure it fits. Is this it?",
  notHelpful: "Sorry that didn't help. You can ask again in other words, or talk to a person from the help desk.",
  helpfulThanks: 'Great, glad that helped! Ask me anything else any time.',
  buttons: { helpful: '👍 Helpful', notHelpful: '👎 Not helpful', talkToHuman: 'Talk to a human' },
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
  /** A file's name and link, where the help desk keeps a requester's words (a ticket reply, a question). */
  attached: (files: { name: string; url: string }[]) =>
    `Attached: ${files.map((f) => `${f.name} (${f.url})`).join(', ')}`,
  fileWithoutWords:
    "Thanks, I have your file, but I can only read words. Tell me in a sentence what's wrong, and I'll look it up or pass it to a person.",
  notStaff: 'Sorry, only the help desk can do that. Ask an admin for a role if you need one.',
  rateLimited:
    "You're sending messages faster than the desk can take them. Please wait a minute, then try again: nothing you sent before is lost.",
  internalError: (reference: string) =>
    `Sorry, something went wrong on our side. Please try again in a moment; if it keeps happening, quote reference ${reference} to the help desk.`,
  /** The database is away (restarting, unreachable): trying again soon will work, and there is nothing to report. */
  databaseAway: 'Sorry, the desk cannot reach its database just now. Please try again in a moment.',
  /** Said before the replies to a message whose handling was lost when the desk stopped, handled again later. */
  handledLate: (text: string | undefined) =>
    `Sorry for the wait: the desk restarted while it was working on ${text ? `"${text}"` : 'what you sent'}. Here it is now.`,
  usage: (problem: UsageProblem, about: { name?: string; usage?: string; maxTextLength: number }): string => {
    const usage = about.usage ?? '';
    switch (problem) {
      case 'empty':
        return 'Type a question, or `help` to see what I can do.';
      case 'too_long':
        return `That message is too long for me (over ${about.maxTextLength.toLocaleString('en')} characters). Please send a shorter question; you can add details to a ticket later.`;
      case 'unknown_command':
        return "I don't know that command. Type `help` to see the ones I know.";
      case 'missing_argument':
        return `\`${about.name}\` needs a bit more. Usage: ${usage}`;
      case 'bad_ticket_ref':
        return `I couldn't read that ticket number. Usage: ${usage}`;
      case 'bad_arguments':
        return `That doesn't fit \`${about.name}\`. Usage: ${usage}`;
    }
  },
  /** What chat adapters say when the platform's own request could not be used or finished. */
  platform: {
    unreadableCommand: 'Sorry, I could not read that command. Try `/support help`.',
    working: 'Working on it…',
    notFinished: 'Sorry, I could not finish that. Please try again in a moment.',
    unknownCardAction: 'Unknown card action.',
    done: 'Done.',
    cancel: 'Cancel',
    /** Under a required field left empty, where the platform checks it before sending (Teams' cards). */
    required: 'Please fill this in.',
    stillConnecting: 'Tierdesk is still connecting to Slack. Please try again in a minute.',
    /** Under a pressed button, once its buttons are gone: who chose what. */
    chose: (who: string, label: string | undefined) => `${who} chose: ${label ?? 'an option'}`,
  },
};
