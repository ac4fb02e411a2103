import { z } from 'zod';
import { defineForm, type FormKey } from '../commands/feature.ts';
import { toFormId } from '../commands/form-id.ts';
import type { Form } from '../messages/form.ts';
import { surveyCopy } from '../messages/survey-copy.ts';
import { findAsk } from '../store/survey-asks.ts';
import { findTicket } from '../store/tickets.ts';
import type { FeedbackHandling } from './feedback-classing.ts';
import { giveFeedback } from './give-feedback.ts';

/** Slack's plain-text input takes at most 3000 characters: the same limit everywhere. */
export const maxCommentLength = 3000;

const c = surveyCopy.commentForm;
const specId = 'csat_comment';

/** The survey ask the comment is about, as its form's id carries it: `csat_comment:12`. */
export const csatCommentKey: FormKey<number> = {
  value: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'must be a survey number')
    .transform(Number),
  encode: (askId) => String(askId),
};

const schema = z.object({
  comment: z.string({ error: c.empty }).trim().min(1, c.empty).max(maxCommentLength, c.tooLong(maxCommentLength)),
});

/** "Add a comment" on a CSAT ask: one box for what the person wants to tell the help desk. */
export const toCsatCommentForm = (askId: number): Form => ({
  id: toFormId(specId, csatCommentKey.encode(askId)),
  title: c.title,
  openLabel: c.title,
  submitLabel: c.submit,
  fields: [
    { kind: 'text', name: 'comment', label: c.label, hint: c.hint, multiline: true, maxLength: maxCommentLength },
  ],
});

/**
 * A comment sent from the CSAT's form does what `feedback T-n <text>` does for that ticket. The ask comes
 * from the form's id, which is outside input: an ask that is not a CSAT, someone else's, never sent or
 * closed is refused in the words a score pressed on it gets, and nothing is stored.
 */
export const csatCommentForm = (handling: FeedbackHandling) =>
  defineForm<{ comment: string }, number>({
    id: specId,
    key: csatCommentKey,
    form: toCsatCommentForm,
    read(values) {
      const parsed = schema.safeParse(values);
      if (parsed.success) return { ok: true, values: parsed.data };
      return { ok: false, errors: { comment: parsed.error.issues[0]?.message ?? c.empty } };
    },
    async run(ctx, person, place, { comment }, askId) {
      const ask = await findAsk(ctx.db, askId);
      if (ask?.kind !== 'csat' || ask.ticketId === null || ask.skipped !== null) return { text: surveyCopy.gone };
      if (ask.personId !== person.id) return { text: surveyCopy.notYours };
      if (ctx.clock.now() >= ask.expiresAt) {
        ctx.log.info('survey comment refused: closed', { ask: ask.id, by: person.id });
        return { text: surveyCopy.closed };
      }
      const ticket = await findTicket(ctx.db, ask.ticketId);
      return giveFeedback(ctx, handling, person, place, comment, { ...(ticket ? { ticket } : {}), ask });
    },
  });
