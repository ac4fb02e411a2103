import type { Message } from './message.ts';

/** Rates measured on logged outcomes at one threshold. */
interface Rates {
  answeredCorrect: number;
  wrongRate: number;
  answered: number;
}

/** What `kb calibration` shows, as plain figures (the knowledge feature gathers them). */
export interface CalibrationView {
  method: 'shipped' | 'fitted';
  reason: 'fitted' | 'too_few_outcomes' | 'not_better' | 'reset' | 'never';
  outcomes: number;
  minOutcomes: number;
  /** When and by whom it was decided; absent when the desk was never calibrated. */
  at?: Date;
  by?: string;
  /** The threshold the calibration chose, and the one the desk answers at (ANSWER_MIN_CONFIDENCE wins). */
  chosen: number;
  answerAt: number;
  thresholdFixed: boolean;
  maxWrongRate: number;
  expected: Rates;
  shipped: Rates;
  shippedThreshold: number;
  /** Fitted for features of another kind than the desk now computes: the shipped curve is in use meanwhile. */
  otherKind: boolean;
}

const pct = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)} %`;
const at = (n: number) => (n > 1 ? 'never (no threshold met the target)' : n.toFixed(2));

const curveLine = (v: CalibrationView) => {
  const when = v.at
    ? ` on ${v.at.toISOString().slice(0, 16).replace('T', ' ')} UTC${v.by ? ` by ${v.by}` : ' by the weekly refit'}`
    : '';
  if (v.otherKind)
    return `A curve was fitted${when}, for another embedding model than the desk uses now: the shipped curve is in use until the next \`kb calibrate\`.`;
  if (v.method === 'fitted') return `*Curve*: fitted to ${v.outcomes} logged outcomes${when}.`;
  const why = {
    fitted: '',
    never: ` Not calibrated yet: ${v.outcomes} of the ${v.minOutcomes} outcomes it needs are logged (a 👍 or 👎, a pick from "Which of these?", or "Talk to a human").`,
    too_few_outcomes: ` Checked${when}: ${v.outcomes} of the ${v.minOutcomes} outcomes a fit needs were logged.`,
    not_better: ` Checked${when}: a fit to ${v.outcomes} outcomes would have answered them more wrongly.`,
    reset: ` Reset${when}.`,
  }[v.reason];
  return `*Curve*: the shipped one.${why}`;
};

/** The decision in use, what it chose and what it expects, from the desk's own logged outcomes. */
export function toCalibrationMessage(v: CalibrationView): Message {
  const chosen = v.thresholdFixed
    ? `*Answers at* confidence ${v.answerAt.toFixed(2)} or more: ANSWER_MIN_CONFIDENCE is set, so it wins${v.method === 'fitted' ? ` (for at most ${pct(v.maxWrongRate)} wrong answers the desk would choose ${at(v.chosen)})` : ''}.`
    : `*Answers at* confidence ${at(v.answerAt)}${v.answerAt > 1 ? '' : ' or more'}${v.method === 'fitted' ? `, chosen for at most ${pct(v.maxWrongRate)} wrong answers (ANSWER_MAX_WRONG_RATE)` : ''}.`;
  const lines = [curveLine(v), chosen];
  if (v.outcomes > 0) {
    const e = v.expected;
    lines.push(
      `*On the ${v.outcomes} logged outcomes*: ${pct(e.answeredCorrect)} would be answered with the right article, ${pct(e.wrongRate)} of ${e.answered} answers wrong.`,
    );
    if (v.method === 'fitted')
      lines.push(
        `With the shipped curve at ${v.shippedThreshold.toFixed(2)}: ${pct(v.shipped.answeredCorrect)} right, ${pct(v.shipped.wrongRate)} of ${v.shipped.answered} answers wrong.`,
      );
  }
  lines.push('`kb calibrate` refits now; `kb calibrate reset` goes back to the shipped curve.');
  return { text: lines.join('\n') };
}
