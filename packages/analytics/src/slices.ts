import { medianDuration, type DurationObservation } from './duration.js';
import { growthRate } from './ratio.js';
import { quarterIndex, quarterRange, shiftQuarter, yearOf, type Quarter } from './quarter.js';
import { shortageScore, type IndicatorPoints, type ShortageStatus } from './shortage-rule.js';

/** `*` in occupationCode and 0 in grade mean "all occupations" and "all grades". */
export const ALL_OCCUPATIONS = '*';
export const ALL_GRADES = 0;

export type RegionLevel = 'province' | 'city' | 'district';

interface Place {
  districtCode: string;
  cityCode: string;
}

/** Flows of one district × occupation × grade × quarter, summed from the raw tables. */
export interface CellFact extends Place {
  quarter: Quarter;
  occupationCode: string;
  grade: number;
  /** Headcount asked for by postings made in the quarter. */
  vacancies: number;
  postings: number;
  /** Σ headcount × advertised wage midpoint, for the headcount-weighted mean wage. */
  wageSum: number;
  /** Job-seeker registrations made in the quarter. */
  seekers: number;
}

/** Postings of a cell grouped by how long they waited (filled, or open at the as-of date). */
export interface DurationFact extends Place, DurationObservation {
  quarter: Quarter;
  occupationCode: string;
  grade: number;
}

/** Talent stock by declared occupation (null when undeclared) and grade. */
export interface SupplyFact extends Place {
  occupationCode: string | null;
  grade: number;
  talents: number;
}

/** Annual training capacity of programs aimed at the occupation in the district. */
export interface TrainingFact extends Place {
  occupationCode: string;
  capacity: number;
}

export interface ShortageFacts {
  provinceCode: string;
  cells: readonly CellFact[];
  durations: readonly DurationFact[];
  supply: readonly SupplyFact[];
  training: readonly TrainingFact[];
}

/** One scored slice: a period (quarter or year) × region × occupation (or all) × grade (or all). */
export interface ShortageSlice {
  period: string;
  level: RegionLevel;
  regionCode: string;
  occupationCode: string;
  grade: number;
  vacancies: number;
  postings: number;
  seekers: number;
  ratio: number;
  medianDays: number | null;
  medianReached: boolean | null;
  referenceMedianDays: number | null;
  demandGrowth: number | null;
  wageMean: number | null;
  wageGrowth: number | null;
  talents: number;
  talentsPer10k: number | null;
  trainingCapacity: number;
  pipelineCoverage: number | null;
  points: IndicatorPoints;
  score: number | null;
  status: ShortageStatus;
}

interface Flow {
  period: string;
  level: RegionLevel;
  regionCode: string;
  occupationCode: string;
  grade: number;
  vacancies: number;
  postings: number;
  wageSum: number;
  seekers: number;
  durations: DurationObservation[];
}

const key = (period: string, region: string, occupation: string, grade: number) => `${period}|${region}|${occupation}|${grade}`;
const stockKey = (region: string, occupation: string, grade: number) => `${region}|${occupation}|${grade}`;

/**
 * Every slice the shortage API serves, scored by the composite rule. Flows (vacancies,
 * seekers, wages, durations) are summed up the region tree (district → city → province),
 * across occupations and across grades, for each quarter and each calendar year; then each
 * slice is measured and scored on its own totals, so a city's median is the median of its
 * postings, not an average of its districts' medians.
 */
export function buildShortageSlices(facts: ShortageFacts): ShortageSlice[] {
  const quarters = dataQuarters(facts.cells);
  if (quarters.length === 0) return [];
  const firstIndex = quarterIndex(quarters[0] as Quarter);
  const quartersByYear = new Map<string, Quarter[]>();
  for (const q of quarters) quartersByYear.set(yearOf(q), [...(quartersByYear.get(yearOf(q)) ?? []), q]);

  const flows = new Map<string, Flow>();
  const targets = (f: Place & { quarter: Quarter; occupationCode: string; grade: number }) => {
    const out: Flow[] = [];
    for (const period of [f.quarter, yearOf(f.quarter)])
      for (const [level, regionCode] of [['district', f.districtCode], ['city', f.cityCode], ['province', facts.provinceCode]] as const)
        for (const occupationCode of [f.occupationCode, ALL_OCCUPATIONS])
          for (const grade of [f.grade, ALL_GRADES]) {
            const k = key(period, regionCode, occupationCode, grade);
            let flow = flows.get(k);
            if (!flow) {
              flow = { period, level, regionCode, occupationCode, grade, vacancies: 0, postings: 0, wageSum: 0, seekers: 0, durations: [] };
              flows.set(k, flow);
            }
            out.push(flow);
          }
    return out;
  };
  for (const c of facts.cells)
    for (const flow of targets(c)) {
      flow.vacancies += c.vacancies;
      flow.postings += c.postings;
      flow.wageSum += c.wageSum;
      flow.seekers += c.seekers;
    }
  for (const d of facts.durations) for (const flow of targets(d)) flow.durations.push(d);

  const talents = sumStock(facts, facts.supply, (s) => [s.occupationCode, s.grade], (s) => s.talents);
  const capacity = sumStock(facts, facts.training, (s) => [s.occupationCode, ALL_GRADES], (s) => s.capacity);

  const medians = new Map<Flow, ReturnType<typeof medianDuration>>();
  const medianOf = (flow: Flow) => {
    if (!medians.has(flow)) medians.set(flow, medianDuration(flow.durations));
    return medians.get(flow) ?? null;
  };

  /** The quarters a period covers that have a year-earlier quarter in the data (for growth). */
  const comparable = new Map<string, Quarter[]>();
  for (const q of quarters) comparable.set(q, quarterIndex(q) - 4 >= firstIndex ? [q] : []);
  for (const [year, qs] of quartersByYear) comparable.set(year, qs.filter((q) => quarterIndex(q) - 4 >= firstIndex));

  const sumOver = (qs: Quarter[], flow: Flow, shift: number) => {
    let vacancies = 0;
    let wageSum = 0;
    for (const q of qs) {
      const f = flows.get(key(shiftQuarter(q, shift), flow.regionCode, flow.occupationCode, flow.grade));
      vacancies += f?.vacancies ?? 0;
      wageSum += f?.wageSum ?? 0;
    }
    return { vacancies, wageSum };
  };

  const slices: ShortageSlice[] = [];
  for (const flow of flows.values()) {
    const median = medianOf(flow);
    const reference = flows.get(key(flow.period, facts.provinceCode, ALL_OCCUPATIONS, ALL_GRADES));
    const referenceMedian = reference ? medianOf(reference) : null;
    const qs = comparable.get(flow.period) ?? [];
    const now = sumOver(qs, flow, 0);
    const before = sumOver(qs, flow, -4);
    const wageNow = now.vacancies > 0 ? now.wageSum / now.vacancies : null;
    const wageBefore = before.vacancies > 0 ? before.wageSum / before.vacancies : null;
    const wageGrowth = wageNow !== null && wageBefore !== null ? growthRate(wageNow, wageBefore) : null;
    const demandGrowth = qs.length > 0 ? growthRate(now.vacancies, before.vacancies) : null;

    // Training capacity is per occupation (programs teach an occupation, not a grade), so the
    // pipeline compares it with the occupation's vacancies at all grades, annualised.
    const occupationFlow = flows.get(key(flow.period, flow.regionCode, flow.occupationCode, ALL_GRADES));
    const periodQuarters = quartersByYear.get(flow.period)?.length ?? 1;
    const annualVacancies = ((occupationFlow?.vacancies ?? 0) * 4) / periodQuarters;
    const trainingCapacity = capacity.get(stockKey(flow.regionCode, flow.occupationCode, ALL_GRADES)) ?? 0;
    const pipelineCoverage = annualVacancies > 0 ? trainingCapacity / annualVacancies : null;

    const workforce = talents.get(stockKey(flow.regionCode, ALL_OCCUPATIONS, ALL_GRADES)) ?? 0;
    const sliceTalents = talents.get(stockKey(flow.regionCode, flow.occupationCode, flow.grade)) ?? 0;

    const scored = shortageScore({
      vacancies: flow.vacancies,
      seekers: flow.seekers,
      medianDays: median?.days ?? null,
      referenceMedianDays: referenceMedian?.days ?? null,
      demandGrowth,
      wageGrowth,
      pipelineCoverage,
    });
    slices.push({
      period: flow.period,
      level: flow.level,
      regionCode: flow.regionCode,
      occupationCode: flow.occupationCode,
      grade: flow.grade,
      vacancies: flow.vacancies,
      postings: flow.postings,
      seekers: flow.seekers,
      ratio: scored.ratio,
      medianDays: median?.days ?? null,
      medianReached: median?.reached ?? null,
      referenceMedianDays: referenceMedian?.days ?? null,
      demandGrowth,
      wageMean: flow.vacancies > 0 ? flow.wageSum / flow.vacancies : null,
      wageGrowth,
      talents: sliceTalents,
      talentsPer10k: workforce > 0 ? (sliceTalents / workforce) * 10_000 : null,
      trainingCapacity,
      pipelineCoverage,
      points: scored.points,
      score: scored.score,
      status: scored.status,
    });
  }
  return slices;
}

/** The data window: every quarter from the first to the last with any flow. */
function dataQuarters(cells: readonly CellFact[]): Quarter[] {
  let first: Quarter | undefined;
  let last: Quarter | undefined;
  for (const c of cells) {
    if (!first || quarterIndex(c.quarter) < quarterIndex(first)) first = c.quarter;
    if (!last || quarterIndex(c.quarter) > quarterIndex(last)) last = c.quarter;
  }
  return first && last ? quarterRange(first, last) : [];
}

/** A stock summed up the region tree and across occupations and grades. */
function sumStock<T extends Place>(facts: ShortageFacts, rows: readonly T[], dims: (row: T) => [string | null, number], value: (row: T) => number) {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const [occupation, grade] = dims(row);
    for (const region of [row.districtCode, row.cityCode, facts.provinceCode])
      for (const o of occupation === null ? [ALL_OCCUPATIONS] : [occupation, ALL_OCCUPATIONS])
        for (const g of grade === ALL_GRADES ? [ALL_GRADES] : [grade, ALL_GRADES]) {
          const k = stockKey(region, o, g);
          totals.set(k, (totals.get(k) ?? 0) + value(row));
        }
  }
  return totals;
}
