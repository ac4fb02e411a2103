/** A logged question as a curve now judges it: its chance of being right, and whether it was. */
export interface Judged {
  chance: number;
  correct: boolean;
}

export interface AtThreshold {
  threshold: number;
  /** Of the logged questions, the share that would be answered confidently with the right article. */
  answeredCorrect: number;
  /** Of the confident answers among them, the share that would be wrong. */
  wrongRate: number;
  /** How many logged questions would be answered confidently. */
  answered: number;
}

/**
 * How sure the chosen threshold must be of meeting the target: the wrong-answer rate's upper bound, one
 * standard error above the observed rate (Wilson), must be within it. Without the margin, a threshold chosen
 * on last week's questions was 5 points over target on the next week's (hint3 split in halves); with it, all
 * three dev sets stayed within target.
 */
const margin = 1;

/** The thresholds tried: confidence is a chance of being right, so below one half is never an answer. */
export const thresholdGrid = Array.from({ length: 50 }, (_, i) => Math.round((0.5 + i * 0.01) * 100) / 100);

export function atThreshold(rows: readonly Judged[], threshold: number): AtThreshold {
  const answered = rows.filter((r) => r.chance >= threshold);
  const wrong = answered.filter((r) => !r.correct).length;
  return {
    threshold,
    answeredCorrect: rows.length === 0 ? 0 : (answered.length - wrong) / rows.length,
    wrongRate: answered.length === 0 ? 0 : wrong / answered.length,
    answered: answered.length,
  };
}

/** The upper end of a share's interval (Wilson score), `z` standard errors up. */
export function wilsonUpper(hits: number, n: number, z = margin): number {
  if (n === 0) return 1;
  const p = hits / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) + z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/**
 * The lowest threshold whose wrong-answer rate on the logged questions stays within `maxWrongRate` with the
 * margin above; undefined when none does (every confident answer would risk being wrong too often).
 */
export function chooseThreshold(rows: readonly Judged[], maxWrongRate: number): AtThreshold | undefined {
  for (const threshold of thresholdGrid) {
    const at = atThreshold(rows, threshold);
    if (at.answered === 0) return undefined;
    const wrong = Math.round(at.wrongRate * at.answered);
    if (wilsonUpper(wrong, at.answered) <= maxWrongRate) return at;
  }
  return undefined;
}
