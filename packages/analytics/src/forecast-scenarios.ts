import { backtestDemand, GROWTH_PRIOR_VACANCIES, INTERVAL_INFLATION, type Backtest, type QuarterValue } from './forecast.js';
import { quarterRange, seasonOf, type Quarter } from './quarter.js';

/**
 * Deterministic quarterly series for back-testing the demand forecast.
 *
 * In-model series come from the forecaster's own family — constant growth × a fixed season,
 * like the demo data — so the model is right by construction and only the noise is unknown.
 * Out-of-model series break that family the way real hiring does: a lasting level shift
 * (a plant opens or closes), a one-quarter shock (a lockdown, a one-off hiring drive) and a
 * trend break (growth turns). A forecaster judged only on the first kind is judged on its
 * own assumptions; the second kind says how it behaves when they fail.
 *
 * The breaks are of a size a planner would call a change, not noise — a third up or down for
 * good, a half for one quarter, growth turning by 30 points — and were fixed before any
 * interval was fitted to them. Every series is Poisson counts around its mean, half of them
 * with multiplicative log-normal noise on top (real vacancy counts are over-dispersed:
 * employers post in batches).
 */
export type ScenarioKind = 'in-model' | 'level-shift' | 'shock-quarter' | 'trend-break';

export interface Scenario {
  kind: ScenarioKind;
  /** Level, growth, break and noise, for reading a failure. */
  label: string;
  series: QuarterValue[];
}

/** The demo period: eight quarters, as the API serves them. */
const SCENARIO_QUARTERS: readonly Quarter[] = quarterRange('2024Q4', '2026Q3');
/** Calendar Q1..Q4: hiring peaks after the Spring Festival (the demo generator's season). */
const SEASON = [1.15, 1.0, 0.95, 0.9] as const;
/** Mean vacancies per quarter: a district × occupation cell up to the province total. */
const LEVELS = [20, 200, 2_000, 20_000] as const;
/** Log-scale standard deviation of the over-dispersion (0: pure Poisson). */
const NOISE = [0, 0.1] as const;

/** mulberry32: a small, fast, seedable generator; the same seed gives the same series. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const normal = (u: () => number) => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());

/** Poisson draw: Knuth's product method for small means, the normal approximation above 50. */
function poisson(mean: number, u: () => number): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(u)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = u(); p > limit; p *= u()) k++;
  return k;
}

/** Counts around `mean(t)` for t = 0..7, on the demo season. */
function draw(mean: (t: number) => number, noise: number, u: () => number): QuarterValue[] {
  return SCENARIO_QUARTERS.map((quarter, t) => {
    const expected = mean(t) * (SEASON[seasonOf(quarter) - 1] as number);
    const dispersed = noise > 0 ? expected * Math.exp(noise * normal(u) - (noise * noise) / 2) : expected;
    return { quarter, value: poisson(dispersed, u) };
  });
}

const grown = (level: number, growth: number, t: number) => level * (1 + growth) ** (t / 4);

/**
 * One series per level × noise × variant × replicate. Breaks fall on every quarter from the
 * last of the first year to the last, so some lie in the history a forecast sees and some in
 * the quarters it must predict — as in real use, where nobody knows which.
 */
function scenarios(kind: ScenarioKind, u: () => number, replicates: number): Scenario[] {
  const out: Scenario[] = [];
  for (let r = 0; r < replicates; r++)
    for (const level of LEVELS)
      for (const noise of NOISE)
        for (const v of VARIANTS[kind])
          out.push({ kind, label: `${v.label}, level ${level}, noise ${noise}`, series: draw((t) => v.mean(level, t), noise, u) });
  return out;
}

export interface ScenarioSet {
  inModel: Scenario[];
  /** Level shifts, shock quarters and trend breaks, in equal numbers. */
  outOfModel: Scenario[];
}

/** Seed of the set INTERVAL_INFLATION was chosen on; the tests and the README use EVALUATION_SEED. */
export const CALIBRATION_SEED = 1;
export const EVALUATION_SEED = 2;

/** A fresh set per seed: 320 in-model series and 2,400 out-of-model ones at the default 10 replicates. */
export function scenarioSet(seed: number, replicates = 10): ScenarioSet {
  const u = uniform(seed);
  return {
    inModel: scenarios('in-model', u, replicates),
    outOfModel: (['level-shift', 'shock-quarter', 'trend-break'] as const).flatMap((kind) => scenarios(kind, u, replicates)),
  };
}

interface Variant {
  label: string;
  mean: (level: number, t: number) => number;
}

const BREAKS = [3, 4, 5, 6, 7] as const;

const VARIANTS: Record<ScenarioKind, Variant[]> = {
  'in-model': [-0.1, 0, 0.1, 0.25].map((g) => ({ label: `growth ${g}`, mean: (level: number, t: number) => grown(level, g, t) })),
  'level-shift': BREAKS.flatMap((at) =>
    [0.7, 1.4].map((factor) => ({ label: `×${factor} from t${at}`, mean: (level: number, t: number) => grown(level, 0.05, t) * (t >= at ? factor : 1) })),
  ),
  'shock-quarter': BREAKS.flatMap((at) =>
    [0.6, 1.5].map((factor) => ({ label: `×${factor} at t${at}`, mean: (level: number, t: number) => grown(level, 0.05, t) * (t === at ? factor : 1) })),
  ),
  'trend-break': BREAKS.flatMap((at) =>
    [
      { before: 0.15, after: -0.15 },
      { before: -0.1, after: 0.2 },
    ].map(({ before, after }) => ({
      label: `growth ${before} → ${after} at t${at}`,
      // Continuous at the break: the level carries over, the slope changes.
      mean: (level: number, t: number) => (t < at ? grown(level, before, t) : grown(level, before, at) * (1 + after) ** ((t - at) / 4)),
    })),
  ),
};

export interface ScenarioSummary {
  series: number;
  forecasts: number;
  /** Mean over series of each series' back-test MAPE / MASE. */
  model: { mape: number | null; mase: number | null };
  seasonalNaive: { mape: number | null; mase: number | null };
  /** Share of all held-out actuals inside the 80% / 95% intervals. */
  coverage80: number | null;
  coverage95: number | null;
}

/** The API's back-test (rolling origin, horizons up to `horizon`) on each series, pooled. */
export function summariseBacktests(list: readonly Scenario[], horizon = 4, inflation = INTERVAL_INFLATION): ScenarioSummary {
  const runs = list.map((s) => backtestDemand(s.series, horizon, GROWTH_PRIOR_VACANCIES, undefined, inflation));
  const mean = (xs: (number | null)[]) => {
    const ok = xs.filter((x): x is number => x !== null);
    return ok.length > 0 ? ok.reduce((a, b) => a + b, 0) / ok.length : null;
  };
  const forecasts = runs.reduce((a, r) => a + r.forecasts, 0);
  const share = (coverage: (r: Backtest) => number | null) =>
    forecasts > 0 ? runs.reduce((a, r) => a + (coverage(r) ?? 0) * r.forecasts, 0) / forecasts : null;
  return {
    series: runs.length,
    forecasts,
    model: { mape: mean(runs.map((r) => r.model.mape)), mase: mean(runs.map((r) => r.model.mase)) },
    seasonalNaive: { mape: mean(runs.map((r) => r.baseline.mape)), mase: mean(runs.map((r) => r.baseline.mase)) },
    coverage80: share((r) => r.coverage80),
    coverage95: share((r) => r.coverage95),
  };
}

/** The inflations calibrateInflation chooses from: 1 (none) to 1.6 in steps of 0.05. */
export const INFLATION_CANDIDATES: readonly number[] = Array.from({ length: 13 }, (_, i) => Math.round((1 + i * 0.05) * 100) / 100);

/**
 * The inflation among `candidates` whose 80% band comes nearest 0.80 on the worse of the two
 * families: no preference for the series the model generates or for those it does not.
 */
export function calibrateInflation(set: ScenarioSet, candidates: readonly number[]): number {
  const miss = (c: number) => Math.max(...[set.inModel, set.outOfModel].map((list) => Math.abs((summariseBacktests(list, 4, c).coverage80 ?? 0) - 0.8)));
  const scored = candidates.map((c) => ({ c, miss: miss(c) }));
  return scored.reduce((best, s) => (s.miss < best.miss ? s : best)).c;
}
