import type { Candidate } from '../search/rank-candidates.ts';

export interface Thresholds {
  /** At or above: answer with the top article. */
  answer: number;
  /** At or above (and below `answer`): offer the top few as choices. Below: decline and offer a human. */
  clarify: number;
}

export type Decision =
  | { kind: 'answer'; best: Candidate; candidates: Candidate[] }
  | { kind: 'clarify'; choices: Candidate[]; candidates: Candidate[] }
  | { kind: 'decline'; candidates: Candidate[] };

/** How many articles "Which of these?" offers at most. */
export const clarifyChoices = 3;

export function decide(candidates: Candidate[], thresholds: Thresholds): Decision {
  const best = candidates[0];
  if (best && best.confidence >= thresholds.answer) return { kind: 'answer', best, candidates };
  // Not only the first: after a 👎 the article that moves up can be unsure of itself while the one said not
  // to help, now second, still fits well enough to be offered back.
  const top = candidates.slice(0, clarifyChoices);
  if (!top.some((c) => c.confidence >= thresholds.clarify)) return { kind: 'decline', candidates };
  // A runner-up with next to no evidence is an article about something else: offering it only makes the
  // person read past it. An admin who set the clarify threshold lower than that asked for it all the same.
  const choices = top.filter((c, rank) => rank === 0 || c.worthOffering || c.confidence >= thresholds.clarify);
  return { kind: 'clarify', choices, candidates };
}
