import type { PulseAudience } from '../model/pulse-survey.ts';
import { literal } from './plain-text.ts';
import { platformNames } from './ticket-copy.ts';

/** The fatigue cap's days, as the reasons for not asking someone name them. */
export interface PulseFatigueDays {
  pulseMinDays: number;
  pulseAfterCsatDays: number;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
const and = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** Why people in an audience were not asked (the fatigue cap's reasons, surveys/fatigue.ts), in words. */
function reasonInWords(reason: string, days: PulseFatigueDays): string {
  switch (reason) {
    case 'opted_out':
      return 'said `surveys off`';
    case 'pulse_too_recent':
      return `asked another survey less than ${plural(days.pulseMinDays, 'day')} ago`;
    case 'csat_too_recent':
      return `asked how a ticket went less than ${plural(days.pulseAfterCsatDays, 'day')} ago`;
    case 'closed_before_sent':
      return 'not reached before the survey closed (it was paused)';
    default:
      return reason;
  }
}

/** Sentences of pulse surveys: the ask, what an answer reads back, and the `survey` commands' replies. */
export const pulseCopy = {
  intro: (title: string) => `**${literal(title)}** A short survey from the help desk: it takes a minute.`,
  anonymous: 'Your answers are shown to the help desk leads without your name.',
  named: 'Your answers are shown to the help desk leads with your name.',
  optOut: 'Rather not be asked? Type `surveys off`.',
  scaleHint: '1 is very poor, 5 is excellent.',
  yes: 'Yes',
  no: 'No',
  answerForm: {
    title: (n: number) => `Answer question ${n}`,
    label: 'Your answer',
    submit: 'Send answer',
    empty: 'Please write your answer first.',
    tooLong: (max: number) => `Please keep your answer under ${max.toLocaleString('en')} characters.`,
  },
  textHint: (n: number) => `Type \`survey answer ${n} <your answer>\`.`,
  /** Read back after a press, naming the question by its number. */
  answered: (n: number, answer: string) => `Thanks: your answer to question ${n} is ${answer}.`,
  changed: (n: number, answer: string, before: string) =>
    `Changed: your answer to question ${n} is now ${answer}, it was ${before}.`,
  same: (n: number, answer: string) => `You answered question ${n} with ${answer} already; that stands.`,
  noOpenSurvey: 'There is no survey open for you to answer just now.',
  noSuchQuestion: (n: number, of: number) => `That survey has ${of} question${of === 1 ? '' : 's'}, not ${n}.`,
  notText: (n: number) => `Question ${n} is answered with its buttons, not in words.`,

  /** Each reason with how many it kept from a run: "3 said `surveys off`; 2 asked another survey less than…". */
  skipped: (skipped: Record<string, number>, days: PulseFatigueDays) =>
    Object.entries(skipped)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, n]) => `${n} ${reasonInWords(reason, days)}`)
      .join('; '),
  audience(audience: PulseAudience): string {
    if ('place' in audience) return `people who asked the desk in ${literal(audience.place)}`;
    const on = audience.platform ? ` on ${platformNames[audience.platform] ?? audience.platform}` : '';
    return `people who asked the desk${on} in the last ${plural(audience.usedWithinDays, 'day')}`;
  },
  refused: 'Sorry, only admins and leads can see, send and pause pulse surveys.',
  unknownSurvey: (id: string, known: string[]) =>
    `There is no pulse survey \`${literal(id)}\`. ${known.length ? `The surveys are ${and(known.map((k) => `\`${k}\``))}.` : 'No surveys are set up: `survey list` says where to put one.'}`,
  sending: (title: string, asked: number, skipped: string, skippedCount: number) =>
    `Sending **${literal(title)}** to ${people(asked)}${skippedCount ? ` (${skippedCount} skipped: ${skipped})` : ''}. \`survey results\` shows the answers as they come in.`,
  nobodyToAsk: (title: string, audience: string) =>
    `Nobody is in the audience of **${literal(title)}** (${audience}), so nothing was sent.`,
  allSkipped: (title: string, skippedCount: number, skipped: string) =>
    `Nobody to send **${literal(title)}** to: all ${skippedCount} in its audience were skipped (${skipped}).`,
  alreadyStarted: (title: string) =>
    `**${literal(title)}** was started this very moment already; \`survey results\` shows how it goes.`,
  pausedNotSent: (id: string, title: string) =>
    `**${literal(title)}** is paused, so it was not sent. Type \`survey resume ${id}\` first.`,
  paused: (title: string) =>
    `Paused **${literal(title)}**: no scheduled run starts, and a run being sent stops where it is, until \`survey resume\`.`,
  alreadyPaused: (title: string) => `**${literal(title)}** is paused already.`,
  resumed: (title: string, next?: string) =>
    `Resumed **${literal(title)}**${next ? `: its next run is ${next}` : ''}. A run that was being sent carries on.`,
  neverSent: (id: string, title: string) =>
    `**${literal(title)}** has not been sent yet: \`survey send-now ${id}\` sends it now.`,
  alreadyResumed: (title: string) => `**${literal(title)}** is not paused.`,
};
