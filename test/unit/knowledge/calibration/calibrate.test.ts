import { describe, expect, it } from 'vitest';
import { calibrate, minOutcomes } from '../../../../src/knowledge/calibration/calibrate.ts';
import { chooseThreshold, wilsonUpper } from '../../../../src/knowledge/calibration/choose-threshold.ts';
import { fitCurve, type LabelledFeatures } from '../../../../src/knowledge/calibration/fit-curve.ts';
import { onCurve, shippedCurve } from '../../../../src/knowledge/decision/confidence.ts';

const settings = { maxWrongRate: 0.1, shippedThreshold: 0.85 };
const words = shippedCurve(false);

/** A deterministic spread of word evidence 0..1. */
const spread = (n: number) => Array.from({ length: n }, (_, i) => (i + 0.5) / n);

/**
 * A desk whose articles are right far less often than the shipped curve believes: right only when the
 * evidence is above 0.8, whatever the shipped curve says below that.
 */
const overconfident = (n: number): LabelledFeatures[] => spread(n).map((e) => ({ features: [e], correct: e > 0.8 }));

describe('fitting the curve to logged outcomes', () => {
  it('learns that a desk is overconfident, and answers only where it was right', () => {
    const rows = overconfident(400);
    // The shipped curve answers at 0.85 from an evidence of about 0.48, where this desk is mostly wrong.
    expect(onCurve(words, [0.6])).toBeGreaterThan(0.85);
    const c = calibrate('words', rows, settings);
    expect(c.method).toBe('fitted');
    expect(c.shipped.wrongRate).toBeGreaterThan(0.3);
    expect(c.expected.wrongRate).toBeLessThanOrEqual(0.1);
    expect(onCurve(c.curve, [0.6])).toBeLessThan(c.threshold);
    expect(onCurve(c.curve, [0.95])).toBeGreaterThanOrEqual(c.threshold);
  });

  it('keeps the shipped curve below the minimum of outcomes', () => {
    const c = calibrate('words', overconfident(minOutcomes - 1), settings);
    expect(c).toMatchObject({ method: 'shipped', reason: 'too_few_outcomes', threshold: 0.85, curve: words });
  });

  it('ignores outcomes of another feature kind (logged before the embedding model changed)', () => {
    const meaningRows = spread(100).map((e) => ({ features: [e, e, 0.1, 0.2], correct: true }));
    expect(calibrate('words', meaningRows, settings)).toMatchObject({ method: 'shipped', outcomes: 0 });
  });

  it('with every outcome 👍, grows surer without running off to certainty', () => {
    const rows = spread(200).map((e) => ({ features: [e], correct: true }));
    const curve = fitCurve(rows, words);
    expect(onCurve(curve, [0.3])).toBeGreaterThan(onCurve(words, [0.3]));
    expect(Number.isFinite(curve.offset) && Math.abs(curve.offset) < 20).toBe(true);
    const c = calibrate('words', rows, settings);
    expect(c.expected.wrongRate).toBe(0);
    expect(c.threshold).toBeGreaterThanOrEqual(0.5);
  });

  it('with every outcome 👎, answers nothing confidently rather than wrongly', () => {
    const rows = spread(200).map((e) => ({ features: [e], correct: false }));
    const c = calibrate('words', rows, settings);
    expect(c.method).toBe('fitted');
    expect(c.expected.answered).toBe(0);
    expect(c.threshold).toBeGreaterThan(1);
    expect(c.shipped.wrongRate).toBe(1);
  });

  it('a fit never answers the logged questions more wrongly than the shipped curve, past the target', () => {
    for (const n of [50, 80, 200]) {
      const rows = spread(n).map((e, i) => ({ features: [e], correct: i % 3 !== 0 }));
      const c = calibrate('words', rows, settings);
      expect(c.expected.wrongRate).toBeLessThanOrEqual(Math.max(c.shipped.wrongRate, settings.maxWrongRate));
    }
  });
});

describe('choosing the answer threshold', () => {
  it('takes the lowest threshold whose wrong rate is within the target with a margin', () => {
    const rows = spread(100).map((chance) => ({ chance, correct: chance > 0.7 }));
    const at = chooseThreshold(rows, 0.1);
    // From 0.69 one answer in 31 is wrong: within 10 % even one standard error up; from 0.68, two in 32 are not.
    expect(at?.threshold).toBe(0.69);
    expect(at?.wrongRate).toBeCloseTo(1 / 31);
    // Exactly at the target is not enough: one wrong in ten could well be two in ten next week.
    const tenPercent = Array.from({ length: 100 }, (_, i) => ({ chance: 0.9, correct: i % 10 !== 0 }));
    expect(chooseThreshold(tenPercent, 0.1)).toBeUndefined();
  });

  it('bounds a share from above, more so on few observations', () => {
    expect(wilsonUpper(0, 10)).toBeGreaterThan(wilsonUpper(0, 100));
    expect(wilsonUpper(10, 100)).toBeGreaterThan(0.1);
    expect(wilsonUpper(0, 0)).toBe(1);
  });
});
