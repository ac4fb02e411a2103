import { type Ticket, toTicketRef } from '../model/ticket.ts';
import type { Form } from './form.ts';
import { type Button, type Message, ratingBlock } from './message.ts';
import { stripMarkdown } from './plain-text.ts';
import { surveyCopy } from './survey-copy.ts';

/**
 * "How did we do on T-n?": its five scores (each button made by `score`), the form to add a comment (a button
 * opening a modal on Slack, a box in the card on Teams and the web page), and the command that does the same.
 */
export function toCsatMessage(t: Ticket, score: (n: number) => Omit<Button, 'label'>, comment: Form): Message {
  const ref = toTicketRef(t.id);
  const question = surveyCopy.csatQuestion(ref);
  const hint = surveyCopy.csatCommentHint(ref);
  return {
    text: stripMarkdown(`${surveyCopy.csatIntro(ref, t.subject)} ${question}\n${hint}`),
    blocks: [
      { kind: 'text', text: surveyCopy.csatIntro(ref, t.subject) },
      ratingBlock(question, score),
      { kind: 'form', form: comment },
      { kind: 'context', text: hint },
    ],
  };
}
