import type { Logistic } from '@talentmap/matcher';

export interface Observation {
  score: number;
  lead: number;
  right: boolean;
}

/**
 * Logistic regression of right/wrong on (score, lead) by gradient descent on the mean log-loss,
 * with a small L2 penalty so separable data cannot drive the weights to infinity.
 */
export function fitLogistic(data: readonly Observation[], { steps = 20_000, rate = 0.5, l2 = 1e-3 } = {}): Logistic {
  let m: Logistic = { bias: 0, score: 0, lead: 0 };
  const n = data.length;
  for (let step = 0; step < steps; step++) {
    const g = { bias: 0, score: 0, lead: 0 };
    for (const d of data) {
      const p = 1 / (1 + Math.exp(-(m.bias + m.score * d.score + m.lead * d.lead)));
      const e = p - (d.right ? 1 : 0);
      g.bias += e;
      g.score += e * d.score;
      g.lead += e * d.lead;
    }
    m = {
      bias: m.bias - (rate * g.bias) / n,
      score: m.score - rate * (g.score / n + l2 * m.score),
      lead: m.lead - rate * (g.lead / n + l2 * m.lead),
    };
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { bias: r(m.bias), score: r(m.score), lead: r(m.lead) };
}

/** Expected calibration error over ten equal-width bins of predicted probability. */
export function calibrationError(predictions: readonly { p: number; right: boolean }[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, right: 0 }));
  for (const { p, right } of predictions) {
    const bin = bins[Math.min(9, Math.floor(p * 10))] as { n: number; p: number; right: number };
    bin.n++;
    bin.p += p;
    bin.right += right ? 1 : 0;
  }
  const total = predictions.length || 1;
  return Math.round(bins.reduce((sum, b) => sum + (b.n ? (b.n / total) * Math.abs(b.p / b.n - b.right / b.n) : 0), 0) * 1000) / 1000;
}
