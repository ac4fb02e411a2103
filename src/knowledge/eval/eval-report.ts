import { decide, type Thresholds } from '../decision/decide.ts';
import type { Candidate } from '../search/rank-candidates.ts';
import { scoreEvaluation } from './eval-metrics.ts';

/** A scored query as the desk saw it: its gold article, and the candidates as the curve in use judged them. */
export type Asked = { gold: string | null; candidates: Candidate[] };

/** The decision depends on the thresholds only, not the ranking: each threshold re-decides what was asked. */
export function evaluate(asked: Asked[], thresholds: Thresholds) {
  return scoreEvaluation(
    asked.map(({ gold, candidates }) => ({
      gold,
      ranked: candidates.map((c) => c.article.id),
      decision: decide(candidates, thresholds).kind,
    })),
  );
}

/** What each answer threshold trades: more confident answers, and how many of them are wrong. */
export function sweepTable(asked: Asked[], clarify: number): string {
  const rows = ['answer≥  answered_correct  wrong_answer_rate  oos_declined'];
  // Confidence is a chance of being right, so the interesting part is the upper half.
  for (const answer of [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99]) {
    const r = evaluate(asked, { answer, clarify: Math.min(clarify, answer) });
    const oos = r.oos_declined === null ? '     –' : r.oos_declined.toFixed(3).padStart(6);
    rows.push(
      `${answer.toFixed(2).padStart(7)}  ${r.answered_correct.toFixed(3).padStart(16)}  ${r.wrong_answer_rate.toFixed(3).padStart(17)}  ${oos.padStart(12)}`,
    );
  }
  return rows.join('\n');
}
