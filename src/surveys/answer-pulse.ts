import { defineAction } from '../commands/feature.ts';
import type { DeskContext } from '../desk-context.ts';
import type { Message } from '../messages/message.ts';
import { pulseCopy } from '../messages/pulse-copy.ts';
import { surveyCopy } from '../messages/survey-copy.ts';
import type { Person } from '../model/person.ts';
import type { PulseQuestion } from '../model/pulse-survey.ts';
import { findPulseRun, type PulseAsk } from '../store/pulse-runs.ts';
import { findAsk, recordAnswer } from '../store/survey-asks.ts';
import { pulseWire } from './pulse-wire.ts';

/** An ask this person may answer now, and its question `index`; or the polite reason they may not. */
export async function answerable(
  ctx: DeskContext,
  person: Person,
  ask: PulseAsk | undefined,
  index: number,
): Promise<{ ok: true; question: PulseQuestion } | { ok: false; reply: Message }> {
  if (ask?.kind !== 'pulse' || ask.runId === null) return { ok: false, reply: { text: surveyCopy.gone } };
  if (ask.personId !== person.id) return { ok: false, reply: { text: surveyCopy.notYours } };
  // An ask the fatigue cap (or `surveys off`) kept back was never sent: a button made up for it answers nothing.
  if (ask.skipped !== null || ask.sentAt === null) return { ok: false, reply: { text: surveyCopy.gone } };
  if (ctx.clock.now() >= ask.expiresAt) {
    ctx.log.info('survey answer refused: closed', { ask: ask.id, by: person.id });
    return { ok: false, reply: { text: surveyCopy.closed } };
  }
  const run = await findPulseRun(ctx.db, ask.runId);
  const questions = run?.survey.questions ?? [];
  const question = questions[index];
  if (!question) return { ok: false, reply: { text: pulseCopy.noSuchQuestion(index + 1, questions.length) } };
  return { ok: true, question };
}

/**
 * A pulse answer pressed: a score or yes / no, for the person it was sent to while it is open. The same
 * answer twice counts once; a different one replaces it (both kept). The survey stays as it was, since its
 * other questions may still be answered.
 */
export const answerPulse = defineAction({
  ...pulseWire,
  async run(ctx, person, _place, { askId, question: index, answer }) {
    const ask = await findAsk(ctx.db, askId);
    const check = await answerable(ctx, person, ask, index);
    if (!check.ok) return check.reply;
    const { question } = check;
    const isScore = /^[1-5]$/.test(answer);
    // A forged value could pair a scale with yes: only what the question offers is taken.
    if ((question.kind === 'scale') !== isScore || question.kind === 'text') return { text: surveyCopy.gone };
    const { previous, written } = await recordAnswer(ctx.db, {
      askId,
      question: question.id,
      ...(isScore ? { score: Number(answer) } : { text: answer }),
      answeredAt: ctx.clock.now(),
    });
    ctx.log.info('pulse answered', { ask: askId, question: question.id, counted: written });
    const said = (a: { score?: number; text?: string }) =>
      a.score !== undefined ? `${a.score} of 5` : a.text === 'yes' ? pulseCopy.yes : pulseCopy.no;
    const now = said(isScore ? { score: Number(answer) } : { text: answer });
    const n = index + 1;
    if (!written) return { text: pulseCopy.same(n, now) };
    return { text: previous ? pulseCopy.changed(n, now, said(previous)) : pulseCopy.answered(n, now) };
  },
});
