import { askedAgain } from './ranking-options.ts';
import type { Signals } from './search-scratch.ts';

/**
 * How sure the desk is that an article answers a question, as a chance (0..1) that it is the right one.
 *
 * The raw evidence: the question's meaningful words are covered, one phrasing of the article says nearly
 * the same, and no other article comes close (`lead`, the top score's lead over the runner-up as a share of
 * it; only the top candidate has one). A logistic curve, fitted on the evaluation dev sets (each set
 * weighted equally), turns that into a chance, so a threshold of 0.8 means about eight in ten of the
 * answers given are right. `npm run eval -- --sweep` shows what each threshold trades on a set.
 */
const slope = 6.688;
const offset = -1.504;

export function toConfidence(signals: Signals, lead: number | undefined): number {
  const closeness = 0.5 * signals.coverage + 0.5 * Math.max(signals.phrasing, signals.learned);
  const margin = lead === undefined ? 0.5 : Math.min(1, lead + 0.5);
  const evidence = Math.min(1, closeness * margin);
  // Someone said this article did not help with this very question: it is not answered with it confidently
  // again, but it stays among the choices, so the next person can still pick it (and teach it back).
  const raw = evidence * (1 - 0.5 * askedAgain(signals.unhelpful));
  return 1 / (1 + Math.exp(-(slope * raw + offset)));
}
