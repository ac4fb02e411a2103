import type { Curve } from '../decision/confidence.ts';

/** One logged question: what its top candidate's confidence was computed from, and whether it was right. */
export interface LabelledFeatures {
  features: readonly number[];
  correct: boolean;
}

/**
 * How strongly the shipped curve holds: a penalty of `strength / 2` times the squared distance of each weight
 * from the shipped one. With a few dozen outcomes the fit stays near the shipped curve; with hundreds the
 * desk's own outcomes decide. 1 was best of 0.3, 1, 3 and 10 on the dev sets split in halves.
 */
export const priorStrength = 1;

const iterations = 50;

/**
 * Logistic regression over the features, by Newton's method, with the shipped curve as a Gaussian prior
 * (maximum a posteriori). The prior also keeps degenerate logs sane: all 👍 or all 👎 move the curve toward
 * surer or less sure, but never to infinity, which an unpenalised fit of one class does.
 */
export function fitCurve(rows: readonly LabelledFeatures[], prior: Curve, strength = priorStrength): Curve {
  const size = prior.weights.length + 1;
  const start = [...prior.weights, prior.offset];
  const x = (row: LabelledFeatures, i: number) => (i < size - 1 ? (row.features[i] ?? 0) : 1);
  const zOf = (w: readonly number[], row: LabelledFeatures) => {
    let z = 0;
    for (let i = 0; i < size; i++) z += (w[i] as number) * x(row, i);
    return z;
  };
  // The negative log posterior; log(1 + e^z) written so that a large |z| neither overflows nor loses it.
  const loss = (w: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < size; i++) sum += (strength / 2) * ((w[i] as number) - (start[i] as number)) ** 2;
    for (const row of rows) {
      const z = zOf(w, row);
      const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      sum += softplus - (row.correct ? z : 0);
    }
    return sum;
  };
  let w = [...start];
  let current = loss(w);
  for (let step = 0; step < iterations; step++) {
    const gradient = w.map((wi, i) => strength * (wi - (start[i] as number)));
    const hessian = w.map((_, i) => w.map((__, j) => (i === j ? strength : 0)));
    for (const row of rows) {
      const p = 1 / (1 + Math.exp(-zOf(w, row)));
      const residual = p - (row.correct ? 1 : 0);
      const curvature = p * (1 - p);
      for (let i = 0; i < size; i++) {
        gradient[i] = (gradient[i] as number) + residual * x(row, i);
        const hi = hessian[i] as number[];
        for (let j = 0; j < size; j++) hi[j] = (hi[j] as number) + curvature * x(row, i) * x(row, j);
      }
    }
    const delta = solve(hessian, gradient);
    // A full Newton step can overshoot where outcomes separate cleanly: halve it until the loss falls.
    let scale = 1;
    let next = w.map((wi, i) => wi - (delta[i] as number));
    let nextLoss = loss(next);
    while (nextLoss > current && scale > 1e-6) {
      scale /= 2;
      next = w.map((wi, i) => wi - scale * (delta[i] as number));
      nextLoss = loss(next);
    }
    if (nextLoss > current) break;
    const moved = Math.max(...delta.map((d) => Math.abs(scale * d)));
    w = next;
    current = nextLoss;
    if (moved < 1e-9) break;
  }
  return { weights: w.slice(0, size - 1), offset: w[size - 1] as number };
}

/** Gaussian elimination with partial pivoting; the prior makes the matrix positive definite. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const top = a[col] as number[];
    for (let r = col + 1; r < n; r++) {
      const row = a[r] as number[];
      const factor = (row[col] as number) / (top[col] as number);
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - factor * (top[c] as number);
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = a[r] as number[];
    let sum = row[n] as number;
    for (let c = r + 1; c < n; c++) sum -= (row[c] as number) * (out[c] as number);
    out[r] = sum / (row[r] as number);
  }
  return out;
}
