import type { Candidate } from './search-index.ts';

export interface Thresholds {
  /** At or above: answer with the top article. */
  answer: number;
  /** At or above (and below `answer`): offer the top few as choices. Below: decline and offer a human. */
  clarify: number;
}

export type Decision =
  | { kind: 'answer'; best: Candidate; candidates: Candidate[] }
  | { kind: 'clarify'; candidates: Candidate[] }
  | { kind: 'decline'; candidates: Candidate[] };

/** How many articles "Which of these?" offers. */
export const clarifyChoices = 3;

export function decide(candidates: Candidate[], thresholds: Thresholds): Decision {
  const best = candidates[0];
  if (!best || best.confidence < thresholds.clarify) return { kind: 'decline', candidates };
  if (best.confidence >= thresholds.answer) return { kind: 'answer', best, candidates };
  return { kind: 'clarify', candidates };
}
