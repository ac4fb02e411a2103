import { z } from 'zod';
import { defineWire } from '../commands/feature.ts';

/** A CSAT score button: its value is the ask and the score, `12:4`. */
export const csatWire = defineWire<{ askId: number; score: number }>({
  id: 'csat_rating',
  value: z
    .string()
    .regex(/^\d{1,9}:[1-5]$/, 'must be "<survey number>:<score 1-5>"')
    .transform((v) => {
      const [askId, score] = v.split(':').map(Number);
      return { askId: askId ?? 0, score: score ?? 0 };
    }),
  encode: ({ askId, score }) => `${askId}:${score}`,
});
