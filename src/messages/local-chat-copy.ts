/** What the local chat (the web page and the terminal) says itself, outside the desk's replies. */
export const localChatCopy = {
  offline: "Couldn't reach the desk — is it still running?",
  tooLong: 'That message is too long to send — please shorten it.',
  queuesRefused:
    'The Queues view is for the help desk. If you work on it, ask an admin or a lead to add you (`staff add`).',
  greeting: (user: string, base: string) =>
    `Tierdesk terminal chat as "${user}" (${base}). Ask a question, type help, a choice's number, or quit.`,
  noSuchChoice: (count: number) =>
    count === 0
      ? 'No such choice: there is nothing to pick right now. Ask a question, or type help.'
      : `No such choice: pick a number from 1 to ${count}, or ask a question.`,
  /** Shown before what arrived for the person between their messages (ticket updates, replies). */
  updateLabel: 'update',
  /** Shown before a new version of a message shown earlier (a ticket's status, edited as it changes). */
  updatedLabel: 'updated',
};
