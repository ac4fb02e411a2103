import { z } from 'zod';
import { defineForm, type FormKey } from '../commands/feature.ts';
import { toFormId } from '../commands/form-id.ts';
import type { Form } from '../messages/form.ts';
import { pulseCopy } from '../messages/pulse-copy.ts';
import { findAsk } from '../store/survey-asks.ts';
import { answerInWords } from './answer-pulse-in-words.ts';
import type { FeedbackHandling } from './feedback-classing.ts';

const maxAnswerLength = 3000;
const c = pulseCopy.answerForm;
const specId = 'pulse_text';

type PulseAnswerKey = { askId: number; question: number };

/** The pulse ask and its question (0-based) a written answer is for, as its form's id carries it: `pulse_text:12:2`. */
export const pulseAnswerKey: FormKey<PulseAnswerKey> = {
  value: z
    .string()
    .regex(/^[1-9]\d{0,8}:[0-2]$/, 'must be "<survey number>:<question 0-2>"')
    .transform((v) => {
      const [askId = '0', question = '0'] = v.split(':');
      return { askId: Number(askId), question: Number(question) };
    }),
  encode: ({ askId, question }) => `${askId}:${question}`,
};

/** Each question's box has its own name: a Teams card holding two of them keeps their inputs apart. */
const fieldOf = (question: number) => `answer_${question + 1}`;

/** The box for a pulse's written question, shown in the survey's message (a Slack modal from its button). */
export const toPulseAnswerForm = (key: PulseAnswerKey): Form => ({
  id: toFormId(specId, pulseAnswerKey.encode(key)),
  title: c.title(key.question + 1),
  openLabel: c.title(key.question + 1),
  submitLabel: c.submit,
  fields: [{ kind: 'text', name: fieldOf(key.question), label: c.label, multiline: true, maxLength: maxAnswerLength }],
});

const schema = z.string({ error: c.empty }).trim().min(1, c.empty).max(maxAnswerLength, c.tooLong(maxAnswerLength));

/** A written answer sent from the pulse's own form: what `survey answer <n> <text>` does for that survey. */
export const pulseAnswerForm = (handling: FeedbackHandling) =>
  defineForm<{ text: string }, PulseAnswerKey>({
    id: specId,
    key: pulseAnswerKey,
    form: toPulseAnswerForm,
    read(values, key) {
      const parsed = schema.safeParse(values[fieldOf(key.question)]);
      if (parsed.success) return { ok: true, values: { text: parsed.data } };
      return { ok: false, errors: { [fieldOf(key.question)]: parsed.error.issues[0]?.message ?? c.empty } };
    },
    async run(ctx, person, place, { text }, key) {
      const ask = await findAsk(ctx.db, key.askId);
      return answerInWords(ctx, handling, person, place, ask, { question: key.question + 1, text });
    },
  });
