import { shiftQuarter, type Quarter } from './quarter.js';

/**
 * Quarterly demand forecast: seasonal naive with year-on-year drift.
 *
 *   ŷ(T+h) = y(T+h−4k) · (1+g)^k,   k = ⌈h/4⌉
 *
 * The same quarter of the last observed year (hiring is seasonal: it peaks after the Spring
 * Festival), grown by g, the year-on-year growth of the whole history as a ratio of sums shrunk
 * toward no growth: g = (Σy(t) + m) / (Σy(t−4) + m) − 1, m = 100 vacancies of prior weight.
 * Ratio of sums, not mean of ratios, so that quiet quarters do not dominate; the prior keeps a
 * series of a few dozen vacancies from extrapolating one noisy year (at the province level it
 * is negligible). With eight quarters of data nothing richer can be fitted honestly: a trend
 * plus four seasonal terms would leave three degrees of freedom.
 *
 * Intervals are log-normal: log ŷ ± z·√(k·s²), s² the in-sample variance of the year-on-year
 * log residuals, floored at 2/ȳ (the variance of the log ratio of two Poisson counts of mean
 * ȳ) so that short or smooth histories do not give overconfident bands.
 */
export interface QuarterValue {
  quarter: Quarter;
  value: number;
}

export interface ForecastPoint {
  quarter: Quarter;
  value: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export const FORECAST_MODEL = {
  name: 'seasonal-naive-drift',
  description: '同季度上年值 × (1 + 同比增长率)^k；增长率为历史同比的总量比（向零增长收缩，先验权重 100 个岗位）；对数正态预测区间（80%/95%）',
  baseline: 'seasonal-naive',
} as const;

const SEASON = 4;
/** Prior weight, in vacancies, of "no growth" in the growth estimate. */
export const GROWTH_PRIOR_VACANCIES = 100;
const Z80 = 1.2816;
const Z95 = 1.96;

interface Fit {
  growth: number;
  logVariance: number;
}

function fit(values: readonly number[], prior: number): Fit {
  let now = 0;
  let before = 0;
  for (let t = SEASON; t < values.length; t++) {
    now += values[t] as number;
    before += values[t - SEASON] as number;
  }
  const growth = before + prior > 0 ? (now + prior) / (before + prior) - 1 : 0;
  // +0.5 keeps the log finite for zero counts (the usual continuity correction).
  const residuals: number[] = [];
  for (let t = SEASON; t < values.length; t++)
    residuals.push(Math.log(((values[t] as number) + 0.5) / (((values[t - SEASON] as number) + 0.5) * (1 + growth))));
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
  const poissonFloor = 2 / Math.max(mean, 1);
  const sampleVariance = residuals.length >= 2 ? residuals.reduce((a, r) => a + r * r, 0) / (residuals.length - 1) : 0;
  return { growth, logVariance: Math.max(sampleVariance, poissonFloor) };
}

/** Point forecasts of the model (drift) or of the baseline (no drift), h = 1..horizon. */
function pointForecasts(values: readonly number[], horizon: number, growth: number): number[] {
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const k = Math.ceil(h / SEASON);
    const base = values[values.length + h - 1 - SEASON * k];
    out.push(base === undefined ? (values[values.length - 1] ?? 0) : base * (1 + growth) ** k);
  }
  return out;
}

/** Forecasts for the `horizon` quarters after the series (oldest first, consecutive quarters). */
export function forecastDemand(series: readonly QuarterValue[], horizon: number, prior = GROWTH_PRIOR_VACANCIES): ForecastPoint[] {
  const last = series[series.length - 1];
  if (!last) return [];
  const values = series.map((s) => s.value);
  const { growth, logVariance } = fit(values, prior);
  return pointForecasts(values, horizon, growth).map((value, i) => {
    const spread = Math.sqrt(Math.ceil((i + 1) / SEASON) * logVariance);
    const band = (z: number) => [value * Math.exp(-z * spread), value * Math.exp(z * spread)] as const;
    const [lower80, upper80] = band(Z80);
    const [lower95, upper95] = band(Z95);
    return { quarter: shiftQuarter(last.quarter, i + 1), value, lower80, upper80, lower95, upper95 };
  });
}

export interface ErrorSummary {
  /** Mean absolute percentage error over held-out quarters with demand > 0; null if none. */
  mape: number | null;
  /** Mean absolute scaled error: |error| over the in-sample seasonal-naive MAE at each origin. */
  mase: number | null;
}

export interface Backtest {
  /** Quarters at the end of the series that were forecast without being seen. */
  heldOutQuarters: Quarter[];
  forecasts: number;
  model: ErrorSummary;
  baseline: ErrorSummary;
  /** Share of held-out actuals inside the model's 80% interval. */
  coverage80: number | null;
}

/**
 * Rolling-origin back-test: for every origin with at least `minTrain` quarters of history
 * (five, so that one year-on-year pair exists), forecast up to `horizon` quarters ahead from
 * that history alone and compare with what happened, for the model and for seasonal naive.
 */
export function backtestDemand(series: readonly QuarterValue[], horizon: number, prior = GROWTH_PRIOR_VACANCIES, minTrain = SEASON + 1): Backtest {
  const values = series.map((s) => s.value);
  const model = { ape: [] as number[], ase: [] as number[] };
  const baseline = { ape: [] as number[], ase: [] as number[] };
  let inside = 0;
  let forecasts = 0;
  for (let origin = minTrain; origin < values.length; origin++) {
    const train = values.slice(0, origin);
    const predicted = forecastDemand(series.slice(0, origin), Math.min(horizon, values.length - origin), prior);
    const naive = pointForecasts(train, predicted.length, 0);
    let scale = 0;
    for (let t = SEASON; t < train.length; t++) scale += Math.abs((train[t] as number) - (train[t - SEASON] as number));
    scale /= Math.max(train.length - SEASON, 1);
    predicted.forEach((p, i) => {
      const actual = values[origin + i] as number;
      forecasts++;
      if (actual >= p.lower80 && actual <= p.upper80) inside++;
      for (const [acc, value] of [[model, p.value], [baseline, naive[i] as number]] as const) {
        if (actual > 0) acc.ape.push(Math.abs(actual - value) / actual);
        if (scale > 0) acc.ase.push(Math.abs(actual - value) / scale);
      }
    });
  }
  const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return {
    heldOutQuarters: series.slice(minTrain).map((s) => s.quarter),
    forecasts,
    model: { mape: mean(model.ape), mase: mean(model.ase) },
    baseline: { mape: mean(baseline.ape), mase: mean(baseline.ase) },
    coverage80: forecasts > 0 ? inside / forecasts : null,
  };
}
