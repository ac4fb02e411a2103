import { literal } from './plain-text.ts';

/** How a score reads back to the person who gave it. */
const scoreWords: Record<number, string> = { 1: 'very poor', 2: 'poor', 3: 'okay', 4: 'good', 5: 'excellent' };

/** Sentences for asking how the desk did, and for answering what people say. */
export const surveyCopy = {
  csatQuestion: (ref: string) => `**How did we do on ${ref}?** 1 is very poor, 5 is excellent.`,
  csatIntro: (ref: string, subject: string) => `${ref} (${literal(subject)}) is resolved.`,
  csatCommentHint: (ref: string) => `Anything to add? Type \`feedback ${ref} <what you want to tell us>\`.`,
  thanks: (ref: string, score: number) => `Thanks: you rated ${ref} ${score} of 5 (${scoreWords[score] ?? score}).`,
  changed: (ref: string, from: number, to: number) =>
    `Changed: your rating of ${ref} is now ${to} of 5 (${scoreWords[to] ?? to}), it was ${from}.`,
  sameAgain: (ref: string, score: number) => `You rated ${ref} ${score} of 5 already; that stands.`,
  lowScore: (ref: string) =>
    `Sorry it fell short. What went wrong? Type \`feedback ${ref} <what happened>\` and a lead will read it.`,
  closed: 'Sorry, this survey has closed, so your answer was not recorded. Thank you all the same.',
  notYours: "That survey isn't yours to answer, so nothing was recorded.",
  gone: "I couldn't find that survey, so nothing was recorded.",
  feedbackThanks: 'Thank you for telling us. Every comment is read by the help desk leads.',
  feedbackOnTicket: (ref: string) => `Thank you: your comment on ${ref} is with the help desk leads.`,
  feedbackNoTicket: (ref: string) =>
    `I couldn't find ${ref} among your tickets; your comment was not saved. Type \`mine\` to list them.`,
};
