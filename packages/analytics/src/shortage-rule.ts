import { vacancySeekerRatio } from './ratio.js';

/**
 * The composite shortage rule (documented in README "Shortage analytics"). Like the German
 * Federal Employment Agency's Engpassanalyse, each indicator is scored 0–3
 * (0 far from a shortage, 1 no sign, 2 weak signs, 3 signs of a shortage), the score is the
 * mean over the indicators that could be scored, and 2.0 marks a bottleneck (1.5 watch).
 */
export type IndicatorKey = 'ratio' | 'duration' | 'demandGrowth' | 'wageGrowth' | 'pipeline';

interface IndicatorRule {
  /** Points 1, 2 and 3 start at these values (for `lowerIsShorter`, 1/2/3 start below them). */
  thresholds: readonly [number, number, number];
  lowerIsShorter?: boolean;
}

export const SHORTAGE_RULE = {
  indicators: {
    /** 求人倍率. 1 = balance; Jiangsu's skilled labour runs above 1.5 and senior technicians above 2 (seed 001). */
    ratio: { thresholds: [1.0, 1.5, 2.0] },
    /** Median time to fill as a multiple of the all-occupation median in the province for the same period. */
    duration: { thresholds: [0.9, 1.1, 1.3] },
    /** Year-on-year change in vacancies (same quarters a year earlier). */
    demandGrowth: { thresholds: [0, 0.05, 0.15] },
    /** Year-on-year change in the mean advertised wage (midpoint of the range, headcount-weighted). */
    wageGrowth: { thresholds: [0, 0.04, 0.08] },
    /** Annual training capacity for the occupation in the region per annualised vacancy. */
    pipeline: { thresholds: [1.0, 0.5, 0.25], lowerIsShorter: true },
  } satisfies Record<IndicatorKey, IndicatorRule>,
  /** Fewer scored indicators than this and the slice gets no score (BA: "keine Bewertung möglich"). */
  minIndicators: 3,
  bottleneck: 2.0,
  watch: 1.5,
  /** A bottleneck also needs demand at or above supply: long vacancies alone can be a mismatch. */
  bottleneckMinRatio: 1.0,
  /**
   * The catalogue lists a slice only with at least this many vacancies in the year: below it a
   * single employer's posting decides the verdict (the same 5 the product uses to suppress cells).
   */
  catalogueMinVacancies: 5,
} as const;

export type ShortageStatus = 'bottleneck' | 'watch' | 'none' | 'insufficient';

/** The measured values a score is built from; null where the data cannot support the indicator. */
export interface ShortageMeasures {
  vacancies: number;
  seekers: number;
  medianDays: number | null;
  /** All-occupation provincial median for the same period: the yardstick for `medianDays`. */
  referenceMedianDays: number | null;
  demandGrowth: number | null;
  wageGrowth: number | null;
  /** Training capacity per annualised vacancy. */
  pipelineCoverage: number | null;
}

export type IndicatorPoints = Record<IndicatorKey, number | null>;

export interface ShortageScore {
  ratio: number;
  points: IndicatorPoints;
  /** Mean of the scored indicators, 0–3; null when fewer than `minIndicators` could be scored. */
  score: number | null;
  status: ShortageStatus;
}

/** 0–3 points for one indicator value against its three thresholds. */
export function indicatorPoints(key: IndicatorKey, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const rule: IndicatorRule = SHORTAGE_RULE.indicators[key];
  // The tolerance keeps 21/20 − 1 (= 0.05000000000000004) and 0.05 on the same side of a threshold.
  const EPS = 1e-9;
  return rule.thresholds.filter((t) => (rule.lowerIsShorter ? value < t - EPS : value >= t - EPS)).length;
}

export function shortageScore(m: ShortageMeasures): ShortageScore {
  const ratio = vacancySeekerRatio(m.vacancies, m.seekers);
  const durationMultiple = m.medianDays !== null && m.referenceMedianDays ? m.medianDays / m.referenceMedianDays : null;
  const points: IndicatorPoints = {
    ratio: indicatorPoints('ratio', ratio),
    duration: indicatorPoints('duration', durationMultiple),
    demandGrowth: indicatorPoints('demandGrowth', m.demandGrowth),
    wageGrowth: indicatorPoints('wageGrowth', m.wageGrowth),
    pipeline: indicatorPoints('pipeline', m.pipelineCoverage),
  };
  const scored = Object.values(points).filter((p): p is number => p !== null);
  if (scored.length < SHORTAGE_RULE.minIndicators) return { ratio, points, score: null, status: 'insufficient' };
  const score = scored.reduce((a, b) => a + b, 0) / scored.length;
  return { ratio, points, score, status: shortageStatus(score, ratio) };
}

/** The verdict for a score (also for chain views, whose score is a weighted mean of occupations'). */
export function shortageStatus(score: number | null, ratio: number): ShortageStatus {
  if (score === null) return 'insufficient';
  if (score >= SHORTAGE_RULE.bottleneck && ratio >= SHORTAGE_RULE.bottleneckMinRatio) return 'bottleneck';
  return score >= SHORTAGE_RULE.watch ? 'watch' : 'none';
}
