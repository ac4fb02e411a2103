import type { LoggedQuestion } from '../../model/logged-question.ts';
import type { LabelledFeatures } from './fit-curve.ts';

export type { LoggedQuestion };

/**
 * Whether the top candidate was the right article, as far as the person's next step says: 👍 on an answer,
 * or a pick of the top one, says yes; 👎, "Talk to a human" after an answer or instead of a pick, or a pick
 * of another article, says no. A decline, or no reaction at all, says nothing: it is left out.
 */
export function topWasRight(q: LoggedQuestion): boolean | undefined {
  if (q.decision === 'answer') {
    if (q.helpful !== null) return q.helpful;
    return q.human ? false : undefined;
  }
  if (q.decision === 'clarify') {
    if (q.picked !== undefined) return q.picked === q.top && q.helpful !== false;
    return q.human ? false : undefined;
  }
  return undefined;
}

/** The logged questions that say something, as rows to fit a curve to. */
export function labelled(questions: readonly LoggedQuestion[]): LabelledFeatures[] {
  return questions.flatMap((q) => {
    const correct = q.features.length > 0 ? topWasRight(q) : undefined;
    return correct === undefined ? [] : [{ features: q.features, correct }];
  });
}
