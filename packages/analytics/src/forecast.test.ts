import { describe, expect, it } from 'vitest';
import { backtestDemand, forecastDemand, INTERVAL_INFLATION, type QuarterValue } from './forecast.js';
import { quarterRange } from './quarter.js';

const SEASON = [115, 100, 95, 90];
/** Eight quarters from 2024Q4 growing exactly 10% a year on a Spring-Festival season. */
const growing: QuarterValue[] = quarterRange('2024Q4', '2026Q3').map((quarter, t) => ({
  quarter,
  value: (SEASON[(t + 3) % 4] as number) * 1.1 ** Math.floor(t / 4),
}));

describe('forecastDemand', () => {
  it('carries the season forward and grows it by the year-on-year rate', () => {
    // Without the no-growth prior the growth is the series' own 10%.
    const f = forecastDemand(growing, 5, 0);
    expect(f.map((p) => p.quarter)).toEqual(['2026Q4', '2027Q1', '2027Q2', '2027Q3', '2027Q4']);
    // 2026Q4 = 2025Q4 × 1.1; 2027Q4 is two years past the last observed Q4: × 1.1².
    expect(f[0]?.value).toBeCloseTo((growing[4]?.value ?? 0) * 1.1);
    expect(f[4]?.value).toBeCloseTo((growing[4]?.value ?? 0) * 1.21);
    for (const p of f) {
      expect(p.lower95).toBeLessThan(p.lower80);
      expect(p.lower80).toBeLessThan(p.value);
      expect(p.upper80).toBeGreaterThan(p.value);
      expect(p.upper95).toBeGreaterThan(p.upper80);
    }
    // A second year ahead is less certain than the first.
    expect((f[4]?.upper80 ?? 0) / (f[4]?.value ?? 1)).toBeGreaterThan((f[0]?.upper80 ?? 0) / (f[0]?.value ?? 1));
  });

  it('shrinks the growth of a small series toward none', () => {
    // Σ now = 440, Σ before = 400: (440 + 100) / (400 + 100) − 1 = 8% instead of 10%.
    const f = forecastDemand(growing, 1);
    expect(f[0]?.value).toBeCloseTo((growing[4]?.value ?? 0) * 1.08);
  });

  it("sizes the bands by Student t, the growth estimate's own error and the measured inflation (hand-worked)", () => {
    // Exact growth: every residual is 0, so s² is the Poisson floor 2/ȳ, ȳ = (400 + 440) / 8 = 105.
    const f = forecastDemand(growing, 5, 0);
    const floor = 2 / 105;
    const halfWidth = (i: number, bound: 'upper80' | 'upper95') => Math.log((f[i]?.[bound] ?? 0) / (f[i]?.value ?? 1));
    // Four year-on-year pairs: t with 4 degrees of freedom; one year ahead: √(1 · (1 + 1/4) · s²).
    expect(halfWidth(0, 'upper80')).toBeCloseTo(INTERVAL_INFLATION * 1.533 * Math.sqrt(1.25 * floor), 10);
    expect(halfWidth(0, 'upper95')).toBeCloseTo(INTERVAL_INFLATION * 2.776 * Math.sqrt(1.25 * floor), 10);
    // Two years ahead: √(2 · (1 + 2/4) · s²).
    expect(halfWidth(4, 'upper80')).toBeCloseTo(INTERVAL_INFLATION * 1.533 * Math.sqrt(3 * floor), 10);
    // Symmetric in logs.
    expect(Math.log((f[0]?.value ?? 0) / (f[0]?.lower80 ?? 1))).toBeCloseTo(halfWidth(0, 'upper80'), 10);
  });

  it('widens the bands when fewer year-on-year pairs back the variance', () => {
    const relative = (series: QuarterValue[]) => {
      const [p] = forecastDemand(series, 1, 0);
      return (p?.upper80 ?? 0) / (p?.value ?? 1);
    };
    // Two pairs (t with 2 degrees of freedom, 1.886) against four (1.533).
    expect(relative(growing.slice(0, 6))).toBeGreaterThan(relative(growing));
  });

  it('returns nothing for an empty series', () => {
    expect(forecastDemand([], 4)).toEqual([]);
  });
});

describe('backtestDemand', () => {
  it('beats seasonal naive on a growing seasonal series (hand-worked)', () => {
    const b = backtestDemand(growing, 4, 0);
    expect(b.heldOutQuarters).toEqual(['2026Q1', '2026Q2', '2026Q3']);
    // origins 5, 6, 7 forecast 3 + 2 + 1 quarters.
    expect(b.forecasts).toBe(6);
    expect(b.model.mape).toBeCloseTo(0, 10);
    // Seasonal naive misses exactly one year of 10% growth: 1 − 1/1.1.
    expect(b.baseline.mape).toBeCloseTo(1 - 1 / 1.1, 10);
    expect(b.model.mase).toBeCloseTo(0, 10);
    expect(b.baseline.mase).toBeGreaterThan(0.9);
    expect(b.coverage80).toBe(1);
    expect(b.coverage95).toBe(1);
  });
});
