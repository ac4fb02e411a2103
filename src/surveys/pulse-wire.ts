import { z } from 'zod';
import { defineWire } from '../commands/feature.ts';

export type PulseAnswerValue = { askId: number; question: number; answer: string };

/** A pulse answer button: the ask, the question's number in the survey (0-based) and the answer, `12:0:4`. */
export const pulseWire = defineWire<PulseAnswerValue>({
  id: 'pulse_answer',
  value: z
    .string()
    .regex(/^\d{1,9}:[0-2]:(?:[1-5]|yes|no)$/, 'must be "<survey number>:<question 0-2>:<1-5, yes or no>"')
    .transform((v) => {
      const [askId = '0', question = '0', answer = ''] = v.split(':');
      return { askId: Number(askId), question: Number(question), answer };
    }),
  encode: ({ askId, question, answer }) => `${askId}:${question}:${answer}`,
});
