import { literal } from './plain-text.ts';

/** Sentences of pulse surveys: the ask, what an answer reads back, and the `survey` commands' replies. */
export const pulseCopy = {
  intro: (title: string) => `**${literal(title)}** A short survey from the help desk: it takes a minute.`,
  anonymous: 'Your answers are shown to the help desk leads without your name.',
  named: 'Your answers are shown to the help desk leads with your name.',
  optOut: 'Rather not be asked? Type `surveys off`.',
  scaleHint: '1 is very poor, 5 is excellent.',
  yes: 'Yes',
  no: 'No',
  textHint: (n: number) => `Type \`survey answer ${n} <your answer>\`.`,
  /** Read back after a press, naming the question by its number. */
  answered: (n: number, answer: string) => `Thanks: your answer to question ${n} is ${answer}.`,
  changed: (n: number, answer: string, before: string) =>
    `Changed: your answer to question ${n} is now ${answer}, it was ${before}.`,
  same: (n: number, answer: string) => `You answered question ${n} with ${answer} already; that stands.`,
  noOpenSurvey: 'There is no survey open for you to answer just now.',
  noSuchQuestion: (n: number, of: number) => `That survey has ${of} question${of === 1 ? '' : 's'}, not ${n}.`,
  notText: (n: number) => `Question ${n} is answered with its buttons, not in words.`,
};
