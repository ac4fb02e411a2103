import { describe, expect, it } from 'vitest';
import { type LoggedQuestion, labelled, topWasRight } from '../../../../src/knowledge/calibration/outcome-label.ts';

const q = (over: Partial<LoggedQuestion>): LoggedQuestion => ({
  decision: 'answer',
  features: [0.5],
  top: 'vpn',
  helpful: null,
  picked: undefined,
  human: false,
  ...over,
});

describe('what a person did next says of the top article', () => {
  it('reads 👍 and 👎 on an answer, and "Talk to a human" after one as 👎', () => {
    expect(topWasRight(q({ helpful: true }))).toBe(true);
    expect(topWasRight(q({ helpful: false, human: true }))).toBe(false);
    expect(topWasRight(q({ human: true }))).toBe(false);
    expect(topWasRight(q({}))).toBeUndefined();
  });

  it('reads a pick from "Which of these?": of the top article yes, of another no; a human instead, no', () => {
    expect(topWasRight(q({ decision: 'clarify', picked: 'vpn' }))).toBe(true);
    expect(topWasRight(q({ decision: 'clarify', picked: 'vpn', helpful: false }))).toBe(false);
    expect(topWasRight(q({ decision: 'clarify', picked: 'wifi' }))).toBe(false);
    expect(topWasRight(q({ decision: 'clarify', human: true }))).toBe(false);
  });

  it('leaves out declines, silence, and questions logged before features were kept', () => {
    expect(topWasRight(q({ decision: 'decline', human: true }))).toBeUndefined();
    const rows = labelled([q({ helpful: true }), q({}), q({ features: [], helpful: true }), q({ human: true })]);
    expect(rows).toEqual([
      { features: [0.5], correct: true },
      { features: [0.5], correct: false },
    ]);
  });
});
