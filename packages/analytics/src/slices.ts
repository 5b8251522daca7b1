import { medianDuration, type DurationObservation } from './duration.js';
import { growthRate } from './ratio.js';
import { quarterIndex, quarterRange, yearOf, type Quarter } from './quarter.js';
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
  periodId: number;
  regionId: number;
  occupationId: number;
  vacancies: number;
  postings: number;
  wageSum: number;
  seekers: number;
  durations: DurationObservation[];
}

/**
 * Dense numeric keys for region × occupation × grade, one map per period. String keys made
 * the build several times slower at a million talents (10⁶ slices, 2·10⁷ lookups); keys stay
 * small integers (below 2³⁰) so that V8 hashes them without boxing.
 */
class Codes {
  private readonly ids = new Map<string, number>();
  id(code: string): number {
    let id = this.ids.get(code);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(code, id);
    }
    return id;
  }
}
const stockKey = (region: string, occupation: string, grade: number) => `${region}|${occupation}|${grade}`;
class FlowIndex {
  private readonly byPeriod: Map<number, Flow>[];
  constructor(periods: number) {
    this.byPeriod = Array.from({ length: periods }, () => new Map<number, Flow>());
  }
  private static key(region: number, occupation: number, grade: number) {
    return (region * 8192 + occupation) * 16 + grade;
  }
  get(period: number, region: number, occupation: number, grade: number): Flow | undefined {
    return this.byPeriod[period]?.get(FlowIndex.key(region, occupation, grade));
  }
  set(flow: Flow): void {
    this.byPeriod[flow.periodId]?.set(FlowIndex.key(flow.regionId, flow.occupationId, flow.grade), flow);
  }
  *values(): Generator<Flow> {
    for (const map of this.byPeriod) yield* map.values();
  }
}

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
  // Period ids: quarters of the window 0..n−1 in order (so a year earlier is id − 4), then years.
  const years = [...new Set(quarters.map(yearOf))];
  const periods = [...quarters, ...years];
  const periodId = new Map(periods.map((p, i) => [p, i]));
  const quartersOfYear = (year: string) => quarters.flatMap((q, i) => (yearOf(q) === year ? [i] : []));
  /** Quarter ids a period covers, and those of them with a year-earlier quarter in the window. */
  const covered = periods.map((p, i) => (i < quarters.length ? [i] : quartersOfYear(p)));
  const comparable = covered.map((ids) => ids.filter((i) => i >= 4));

  const regions = new Codes();
  const occupations = new Codes();
  const province = regions.id(facts.provinceCode);
  const allOccupations = occupations.id(ALL_OCCUPATIONS);

  const flows = new FlowIndex(periods.length);
  // A cell's 24 flows are found once and reused by its duration facts.
  const targetsByCell = new Map<string, Flow[]>();
  const targets = (f: Place & { quarter: Quarter; occupationCode: string; grade: number }) => {
    const quarter = periodId.get(f.quarter) as number;
    const district = regions.id(f.districtCode);
    const occupation = occupations.id(f.occupationCode);
    const cellKey = `${quarter}|${district}|${occupation}|${f.grade}`;
    const cached = targetsByCell.get(cellKey);
    if (cached) return cached;
    const out: Flow[] = [];
    for (const p of [quarter, periodId.get(yearOf(f.quarter)) as number])
      for (const [level, regionCode, r] of [['district', f.districtCode, district], ['city', f.cityCode, regions.id(f.cityCode)], ['province', facts.provinceCode, province]] as const)
        for (const [occupationCode, o] of [[f.occupationCode, occupation], [ALL_OCCUPATIONS, allOccupations]] as const)
          for (const grade of [f.grade, ALL_GRADES]) {
            let flow = flows.get(p, r, o, grade);
            if (!flow) {
              flow = { period: periods[p] as string, level, regionCode, occupationCode, grade, periodId: p, regionId: r, occupationId: o, vacancies: 0, postings: 0, wageSum: 0, seekers: 0, durations: [] };
              flows.set(flow);
            }
            out.push(flow);
          }
    targetsByCell.set(cellKey, out);
    return out;
  };
  for (const c of facts.cells)
    for (const flow of targets(c)) {
      flow.vacancies += c.vacancies;
      flow.postings += c.postings;
      flow.wageSum += c.wageSum;
      flow.seekers += c.seekers;
    }
  // Pushed in duration order, every flow's observations arrive sorted for the median.
  const byDuration = [...facts.durations].sort((a, b) => a.days - b.days || Number(a.open) - Number(b.open));
  for (const d of byDuration) for (const flow of targets(d)) flow.durations.push(d);

  const talents = sumStock(facts, facts.supply, (s) => [s.occupationCode, s.grade], (s) => s.talents);
  const capacity = sumStock(facts, facts.training, (s) => [s.occupationCode, ALL_GRADES], (s) => s.capacity);

  const medians = new Map<Flow, ReturnType<typeof medianDuration>>();
  const medianOf = (flow: Flow) => {
    if (!medians.has(flow)) medians.set(flow, medianDuration(flow.durations));
    return medians.get(flow) ?? null;
  };

  const sumOver = (quarterIds: number[], flow: Flow, shift: number) => {
    let vacancies = 0;
    let wageSum = 0;
    for (const q of quarterIds) {
      const f = flows.get(q + shift, flow.regionId, flow.occupationId, flow.grade);
      vacancies += f?.vacancies ?? 0;
      wageSum += f?.wageSum ?? 0;
    }
    return { vacancies, wageSum };
  };

  const slices: ShortageSlice[] = [];
  for (const flow of flows.values()) {
    const median = medianOf(flow);
    const reference = flows.get(flow.periodId, province, allOccupations, ALL_GRADES);
    const referenceMedian = reference ? medianOf(reference) : null;
    const qs = comparable[flow.periodId] as number[];
    const now = sumOver(qs, flow, 0);
    const before = sumOver(qs, flow, -4);
    const wageNow = now.vacancies > 0 ? now.wageSum / now.vacancies : null;
    const wageBefore = before.vacancies > 0 ? before.wageSum / before.vacancies : null;
    const wageGrowth = wageNow !== null && wageBefore !== null ? growthRate(wageNow, wageBefore) : null;
    const demandGrowth = qs.length > 0 ? growthRate(now.vacancies, before.vacancies) : null;

    // Training capacity is per occupation (programs teach an occupation, not a grade), so the
    // pipeline compares it with the occupation's vacancies at all grades, annualised.
    const occupationFlow = flows.get(flow.periodId, flow.regionId, flow.occupationId, ALL_GRADES);
    const annualVacancies = ((occupationFlow?.vacancies ?? 0) * 4) / (covered[flow.periodId] as number[]).length;
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
