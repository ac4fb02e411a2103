import { literal } from './plain-text.ts';

/** The classes a comment can fall in (surveys/feedback-class.ts), as the sentences need them. */
export type FeedbackKind = 'appreciation' | 'undertone' | 'concern' | 'complaint' | 'escalation';

/** How a score reads back to the person who gave it. */
const scoreWords: Record<number, string> = { 1: 'very poor', 2: 'poor', 3: 'okay', 4: 'good', 5: 'excellent' };

/** Sentences for asking how the desk did, and for answering what people say. */
export const surveyCopy = {
  csatQuestion: (ref: string) => `**How did we do on ${ref}?** 1 is very poor, 5 is excellent.`,
  csatIntro: (ref: string, subject: string) => `${ref} (${literal(subject)}) is resolved.`,
  csatCommentHint: (ref: string) =>
    `Anything to add? Add a comment, or type \`feedback ${ref} <what you want to tell us>\`.`,
  /** The CSAT's comment form: one box, the same on every platform that shows forms. */
  commentForm: {
    title: 'Add a comment',
    label: 'Your comment',
    hint: 'What went well, or what should we do better?',
    submit: 'Send comment',
    empty: 'Please write your comment first.',
    tooLong: (max: number) => `Please keep your comment under ${max.toLocaleString('en')} characters.`,
  },
  commentKeptAlready: (ref?: string) =>
    `We have that comment${ref ? ` about ${ref}` : ''} already; it is kept once. Thank you.`,
  thanks: (ref: string, score: number) => `Thanks: you rated ${ref} ${score} of 5 (${scoreWords[score] ?? score}).`,
  changed: (ref: string, from: number, to: number) =>
    `Changed: your rating of ${ref} is now ${to} of 5 (${scoreWords[to] ?? to}), it was ${from}.`,
  sameAgain: (ref: string, score: number) => `You rated ${ref} ${score} of 5 already; that stands.`,
  lowScore: (ref: string) =>
    `Sorry it fell short. To tell us what went wrong, add a comment to the survey, or type \`feedback ${ref} <what happened>\`.`,
  surveysOff: "Done: you won't be asked how it went any more. Type `surveys on` to be asked again.",
  surveysOn: "Done: you'll be asked how it went after a ticket is resolved, and now and then about the service.",
  closed: 'Sorry, this survey has closed, so your answer was not recorded. Thank you all the same.',
  notYours: "That survey isn't yours to answer, so nothing was recorded.",
  gone: "I couldn't find that survey, so nothing was recorded.",
  followUpSubject: (kind: FeedbackKind, about?: string, rating?: number) =>
    `Follow up: ${kind === 'escalation' ? 'an escalation' : kind === 'complaint' ? 'a complaint' : 'a low score'}${about ? ` on ${about}` : ''}${rating === undefined ? '' : ` (rated ${rating} of 5)`}`,
  followUpDescription: (comment: string | undefined, about?: string, subject?: string) =>
    [
      about ? `Feedback on ${about}${subject ? ` (${subject})` : ''}.` : 'Feedback on the service.',
      comment ? `They wrote: "${comment}"` : 'They left no comment.',
      'Contact them, find out what went wrong, and resolve this ticket with what was done.',
    ].join(' '),
  /** Said after the acknowledgement when a person will follow it up. */
  followUpOpened: (ref: string) => `A help desk lead will contact you about it: ${ref}.`,
  /** The acknowledgement of a comment, in words that fit what it says; `ref` when it is about a ticket. */
  acknowledge(kind: FeedbackKind, ref?: string): string {
    const about = ref ? ` about ${ref}` : '';
    switch (kind) {
      case 'appreciation':
        return `Thank you, that is kind of you: your words${about} are passed on to the help desk.`;
      case 'undertone':
        return `Thank you for telling us. Your comment${about} is kept for the help desk leads, who read every one.`;
      case 'concern':
        return `Thank you for raising it. Your concern${about} is kept for the help desk leads to look into.`;
      case 'complaint':
        return `Sorry we fell short. Your complaint${about} is recorded for the help desk leads, who handle complaints first.`;
      case 'escalation':
        return `We are sorry. What you wrote${about} is recorded as an escalation for the help desk leads, who handle it first.`;
    }
  },
  /** `feedback recent` asked by someone who is not a lead or an admin. */
  recentRefused:
    'Sorry, only help desk leads and admins can read the feedback people gave. To give yours, type `feedback <what you want to tell us>`.',
  feedbackNoTicket: (ref: string) =>
    `I couldn't find ${ref} among your tickets; your comment was not saved. Type \`mine\` to list them.`,
};
