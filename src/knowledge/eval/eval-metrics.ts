import type { Decision } from '../decision/decide.ts';

export interface EvalQuery {
  query: string;
  gold: string | null;
}

export interface EvalResult {
  queries: number;
  p_at_1: number;
  recall_at_3: number;
  mrr: number;
  answered_correct: number;
  wrong_answer_rate: number;
  /** null when the set has no out-of-scope queries: there is nothing to measure. */
  oos_declined: number | null;
}

export interface Judged {
  gold: string | null;
  ranked: string[];
  decision: Decision['kind'];
}

const share = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 10_000) / 10_000);

/** Pure scoring of ranked results against gold answers; definitions are in `npm run eval -- --help`. */
export function scoreEvaluation(judged: Judged[]): EvalResult {
  const inScope = judged.filter((j) => j.gold !== null);
  const outOfScope = judged.filter((j) => j.gold === null);
  const rankOf = (j: Judged) => j.ranked.indexOf(j.gold as string);
  const answered = judged.filter((j) => j.decision === 'answer');
  const answeredWrong = answered.filter((j) => j.gold === null || j.ranked[0] !== j.gold);
  return {
    queries: judged.length,
    p_at_1: share(inScope.filter((j) => rankOf(j) === 0).length, inScope.length),
    recall_at_3: share(inScope.filter((j) => rankOf(j) >= 0 && rankOf(j) < 3).length, inScope.length),
    mrr: share(
      inScope.reduce((sum, j) => sum + (rankOf(j) >= 0 ? 1 / (rankOf(j) + 1) : 0), 0),
      inScope.length,
    ),
    answered_correct: share(
      inScope.filter((j) => j.decision === 'answer' && j.ranked[0] === j.gold).length,
      inScope.length,
    ),
    wrong_answer_rate: share(answeredWrong.length, answered.length),
    oos_declined:
      outOfScope.length === 0
        ? null
        : share(outOfScope.filter((j) => j.decision !== 'answer').length, outOfScope.length),
  };
}
