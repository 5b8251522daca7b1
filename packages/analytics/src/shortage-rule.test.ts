import { describe, expect, it } from 'vitest';
import { indicatorPoints, shortageScore, SHORTAGE_RULE } from './shortage-rule.js';
import { growthRate, vacancySeekerRatio } from './ratio.js';
import { shortageReasons } from './reasons.js';

describe('求人倍率', () => {
  it('divides vacancies by seekers and floors the denominator at one seeker', () => {
    expect(vacancySeekerRatio(30, 20)).toBe(1.5);
    expect(vacancySeekerRatio(6, 0)).toBe(6);
    expect(vacancySeekerRatio(0, 0)).toBe(0);
    expect(vacancySeekerRatio(0, 5)).toBe(0);
  });

  it('growth is null without a previous level', () => {
    expect(growthRate(12, 10)).toBeCloseTo(0.2);
    expect(growthRate(5, 0)).toBeNull();
  });
});

describe('indicatorPoints', () => {
  it('counts thresholds reached, inclusive, for higher-is-shorter indicators', () => {
    expect([0.99, 1, 1.49, 1.5, 1.99, 2, 9].map((r) => indicatorPoints('ratio', r))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect([-0.1, 0, 0.05, 0.149, 0.15].map((g) => indicatorPoints('demandGrowth', g))).toEqual([0, 1, 2, 2, 3]);
    expect(indicatorPoints('demandGrowth', 21 / 20 - 1)).toBe(2);
  });

  it('counts thresholds undercut for the training pipeline', () => {
    expect([1.2, 1, 0.99, 0.5, 0.49, 0.25, 0.1].map((c) => indicatorPoints('pipeline', c))).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('gives no points when the value is missing', () => {
    expect(indicatorPoints('wageGrowth', null)).toBeNull();
  });
});

describe('shortageScore (hand-worked)', () => {
  it('averages the scored indicators and marks a bottleneck at 2.0 with demand above supply', () => {
    // ratio 24/10 = 2.4 → 3; duration 39/30 = 1.3 → 3; growth +20% → 3; wage +5% → 2; coverage 0.6 → 1.
    const s = shortageScore({
      vacancies: 24,
      seekers: 10,
      medianDays: 39,
      referenceMedianDays: 30,
      demandGrowth: 0.2,
      wageGrowth: 0.05,
      pipelineCoverage: 0.6,
    });
    expect(s.points).toEqual({ ratio: 3, duration: 3, demandGrowth: 3, wageGrowth: 2, pipeline: 1 });
    expect(s.score).toBeCloseTo(12 / 5);
    expect(s.status).toBe('bottleneck');
  });

  it('averages only what could be scored', () => {
    // No year-earlier data: ratio 1.5 → 2, duration 33/30 = 1.1 → 2, coverage 0.2 → 3 → 7/3.
    const s = shortageScore({
      vacancies: 15,
      seekers: 10,
      medianDays: 33,
      referenceMedianDays: 30,
      demandGrowth: null,
      wageGrowth: null,
      pipelineCoverage: 0.2,
    });
    expect(s.points.demandGrowth).toBeNull();
    expect(s.score).toBeCloseTo(7 / 3);
    expect(s.status).toBe('bottleneck');
  });

  it('keeps a slow-to-fill occupation with more seekers than vacancies on watch, not bottleneck', () => {
    // ratio 0.8 → 0, duration 2.0× → 3, growth 0.2 → 3, wage 0.1 → 3, coverage 0.1 → 3: 12/5 = 2.4 but ratio < 1.
    const s = shortageScore({ vacancies: 8, seekers: 10, medianDays: 60, referenceMedianDays: 30, demandGrowth: 0.2, wageGrowth: 0.1, pipelineCoverage: 0.1 });
    expect(s.score).toBeCloseTo(2.4);
    expect(s.status).toBe('watch');
  });

  it('declines to score with fewer than three indicators', () => {
    const s = shortageScore({
      vacancies: 0,
      seekers: 4,
      medianDays: null,
      referenceMedianDays: 30,
      demandGrowth: -0.5,
      wageGrowth: null,
      pipelineCoverage: null,
    });
    expect(s.score).toBeNull();
    expect(s.status).toBe('insufficient');
    expect(SHORTAGE_RULE.minIndicators).toBe(3);
  });

  it('explains a listing with the indicators that show signs of shortage', () => {
    const reasons = shortageReasons({
      ratio: 2.4,
      seekers: 10,
      points: { ratio: 3, duration: 2, demandGrowth: 1, wageGrowth: null, pipeline: 3 },
      medianDays: 36,
      medianReached: true,
      referenceMedianDays: 30,
      demandGrowth: 0.02,
      wageGrowth: null,
      pipelineCoverage: 0.2,
    });
    expect(reasons).toEqual(['求人倍率 2.40', '培训供给仅覆盖年化需求的 20%', '岗位空缺中位时长 36 天，为全省中位数的 1.2 倍']);
  });
});
