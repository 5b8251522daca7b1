import {
  ALL_GRADES,
  ALL_OCCUPATIONS,
  HIGH_SKILL_MIN_GRADE,
  type CellFact,
  type DurationFact,
  type ShortageSlice,
  type SupplyFact,
  type TrainingFact,
  type WorkforceCounts,
} from '@talentmap/core';
import { medianDuration, type DurationObservation, type MedianDuration } from './duration.js';
import { growthRate } from './ratio.js';
import { isQuarter, quarterIndex, quarterRange, yearOf, type Quarter } from './quarter.js';
import { shortageScore } from './shortage-rule.js';

export interface ShortageFacts {
  provinceCode: string;
  cells: readonly CellFact[];
  durations: readonly DurationFact[];
  supply: readonly SupplyFact[];
  training: readonly TrainingFact[];
}

type CellKey = Pick<CellFact, 'districtCode' | 'cityCode' | 'quarter' | 'occupationCode' | 'grade'>;

/** Flows of one slice, summed from its cells, with the dense ids that index it. */
interface Flow extends Pick<ShortageSlice, 'period' | 'level' | 'regionCode' | 'occupationCode' | 'grade' | 'vacancies' | 'postings' | 'seekers'> {
  periodId: number;
  regionId: number;
  occupationId: number;
  wageSum: number;
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
 * The periods slices are built for: the window's quarters as ids 0..n−1 in order (so a year
 * earlier is id − 4), then its calendar years.
 */
class Periods {
  readonly names: string[];
  /** Quarter ids each period covers, and those of them with a year-earlier quarter in the window. */
  readonly covered: number[][];
  readonly comparable: number[][];
  private readonly targets: Map<string, [quarter: number, year: number]>;

  constructor(quarters: readonly Quarter[]) {
    const years = [...new Set(quarters.map(yearOf))];
    this.names = [...quarters, ...years];
    this.covered = [...quarters.map((_, i) => [i]), ...years.map((year) => quarters.flatMap((q, i) => (yearOf(q) === year ? [i] : [])))];
    this.comparable = this.covered.map((ids) => ids.filter((i) => i >= 4));
    this.targets = new Map(quarters.map((q, i) => [q, [i, quarters.length + years.indexOf(yearOf(q))]]));
  }

  /** The period ids a quarter's flows add to: the quarter's own and its year's. */
  of(quarter: string): [quarter: number, year: number] {
    const ids = this.targets.get(quarter);
    if (!ids) throw new Error(`${quarter} is outside the data window`);
    return ids;
  }
}

/**
 * Flows summed up the region tree (district → city → province), across occupations and
 * across grades, for each quarter and its year: every cell adds to 24 flows.
 */
class Market {
  readonly flows: FlowIndex;
  private readonly regions = new Codes();
  private readonly occupations = new Codes();
  readonly province: number;
  readonly allOccupations: number;
  // A cell's 24 flows are found once and reused by its duration facts.
  private readonly targetsByCell = new Map<string, Flow[]>();

  constructor(
    private readonly provinceCode: string,
    private readonly periods: Periods,
  ) {
    this.flows = new FlowIndex(periods.names.length);
    this.province = this.regions.id(provinceCode);
    this.allOccupations = this.occupations.id(ALL_OCCUPATIONS);
  }

  addCells(cells: readonly CellFact[]): void {
    for (const c of cells)
      for (const flow of this.targets(c)) {
        flow.vacancies += c.vacancies;
        flow.postings += c.postings;
        flow.wageSum += c.wageSum;
        flow.seekers += c.seekers;
      }
  }

  addDurations(durations: readonly DurationFact[]): void {
    // Pushed in duration order, every flow's observations arrive sorted for the median.
    const byDuration = [...durations].sort((a, b) => a.days - b.days || Number(a.open) - Number(b.open));
    for (const d of byDuration) for (const flow of this.targets(d)) flow.durations.push(d);
  }

  private targets(f: CellKey): Flow[] {
    const periodIds = this.periods.of(f.quarter);
    const district = this.regions.id(f.districtCode);
    const occupation = this.occupations.id(f.occupationCode);
    const cellKey = `${periodIds[0]}|${district}|${occupation}|${f.grade}`;
    const cached = this.targetsByCell.get(cellKey);
    if (cached) return cached;
    const places = [
      ['district', f.districtCode, district],
      ['city', f.cityCode, this.regions.id(f.cityCode)],
      ['province', this.provinceCode, this.province],
    ] as const;
    const out: Flow[] = [];
    for (const p of periodIds)
      for (const [level, regionCode, r] of places)
        for (const [occupationCode, o] of [
          [f.occupationCode, occupation],
          [ALL_OCCUPATIONS, this.allOccupations],
        ] as const)
          for (const grade of [f.grade, ALL_GRADES]) {
            let flow = this.flows.get(p, r, o, grade);
            if (!flow) {
              const period = this.periods.names[p] as string;
              flow = {
                period,
                level,
                regionCode,
                occupationCode,
                grade,
                periodId: p,
                regionId: r,
                occupationId: o,
                vacancies: 0,
                postings: 0,
                wageSum: 0,
                seekers: 0,
                durations: [],
              };
              this.flows.set(flow);
            }
            out.push(flow);
          }
    this.targetsByCell.set(cellKey, out);
    return out;
  }
}

const meanWage = (f: { vacancies: number; wageSum: number }) => (f.vacancies > 0 ? f.wageSum / f.vacancies : null);

/**
 * Measures and scores each flow on its own totals, so a city's median is the median of its
 * postings, not an average of its districts' medians.
 */
class SliceMeasurer {
  private readonly medians = new Map<Flow, MedianDuration | null>();

  constructor(
    private readonly market: Market,
    private readonly periods: Periods,
    private readonly talents: Map<string, number>,
    private readonly capacity: Map<string, number>,
  ) {}

  measure(flow: Flow): ShortageSlice {
    const median = this.median(flow);
    const reference = this.market.flows.get(flow.periodId, this.market.province, this.market.allOccupations, ALL_GRADES);
    const medianDays = median?.days ?? null;
    const referenceMedianDays = reference ? (this.median(reference)?.days ?? null) : null;
    const { demandGrowth, wageGrowth } = this.growth(flow);
    const { trainingCapacity, pipelineCoverage } = this.pipeline(flow);
    const { talents, talentsPer10k } = this.stock(flow);
    const { vacancies, seekers } = flow;
    const scored = shortageScore({ vacancies, seekers, medianDays, referenceMedianDays, demandGrowth, wageGrowth, pipelineCoverage });
    return {
      period: flow.period,
      level: flow.level,
      regionCode: flow.regionCode,
      occupationCode: flow.occupationCode,
      grade: flow.grade,
      vacancies,
      postings: flow.postings,
      seekers,
      ratio: scored.ratio,
      medianDays,
      medianReached: median?.reached ?? null,
      referenceMedianDays,
      demandGrowth,
      wageMean: meanWage(flow),
      wageGrowth,
      talents,
      talentsPer10k,
      trainingCapacity,
      pipelineCoverage,
      points: scored.points,
      score: scored.score,
      status: scored.status,
    };
  }

  private median(flow: Flow): MedianDuration | null {
    let median = this.medians.get(flow);
    if (median === undefined) {
      median = medianDuration(flow.durations);
      this.medians.set(flow, median);
    }
    return median;
  }

  /** Year on year, over the quarters of the period that have a year-earlier quarter in the window. */
  private growth(flow: Flow): { demandGrowth: number | null; wageGrowth: number | null } {
    const quarters = this.periods.comparable[flow.periodId] as number[];
    if (quarters.length === 0) return { demandGrowth: null, wageGrowth: null };
    const now = this.sumOver(quarters, flow, 0);
    const before = this.sumOver(quarters, flow, -4);
    const wageNow = meanWage(now);
    const wageBefore = meanWage(before);
    return {
      demandGrowth: growthRate(now.vacancies, before.vacancies),
      wageGrowth: wageNow !== null && wageBefore !== null ? growthRate(wageNow, wageBefore) : null,
    };
  }

  private sumOver(quarterIds: readonly number[], flow: Flow, shift: number): { vacancies: number; wageSum: number } {
    let vacancies = 0;
    let wageSum = 0;
    for (const q of quarterIds) {
      const f = this.market.flows.get(q + shift, flow.regionId, flow.occupationId, flow.grade);
      vacancies += f?.vacancies ?? 0;
      wageSum += f?.wageSum ?? 0;
    }
    return { vacancies, wageSum };
  }

  // Training capacity is per occupation (programs teach an occupation, not a grade), so the
  // pipeline compares it with the occupation's vacancies at all grades, annualised.
  private pipeline(flow: Flow): { trainingCapacity: number; pipelineCoverage: number | null } {
    const occupationFlow = this.market.flows.get(flow.periodId, flow.regionId, flow.occupationId, ALL_GRADES);
    const annualVacancies = ((occupationFlow?.vacancies ?? 0) * 4) / (this.periods.covered[flow.periodId] as number[]).length;
    const trainingCapacity = this.capacity.get(stockKey(flow.regionCode, flow.occupationCode, ALL_GRADES)) ?? 0;
    return { trainingCapacity, pipelineCoverage: annualVacancies > 0 ? trainingCapacity / annualVacancies : null };
  }

  private stock(flow: Flow): { talents: number; talentsPer10k: number | null } {
    const workforce = this.talents.get(stockKey(flow.regionCode, ALL_OCCUPATIONS, ALL_GRADES)) ?? 0;
    const talents = this.talents.get(stockKey(flow.regionCode, flow.occupationCode, flow.grade)) ?? 0;
    return { talents, talentsPer10k: workforce > 0 ? (talents / workforce) * 10_000 : null };
  }
}

/**
 * Every slice the shortage API serves, scored by the composite rule. Flows (vacancies,
 * seekers, wages, durations) are summed up the region tree, across occupations and across
 * grades, for each quarter and each calendar year; stocks (talents, training places) up the
 * region tree; then each slice is measured and scored on its own totals.
 */
export function buildShortageSlices(facts: ShortageFacts): ShortageSlice[] {
  const quarters = dataQuarters(facts.cells);
  if (quarters.length === 0) return [];
  const periods = new Periods(quarters);
  const market = new Market(facts.provinceCode, periods);
  market.addCells(facts.cells);
  market.addDurations(facts.durations);
  const talents = sumStock(
    facts.provinceCode,
    facts.supply,
    (s) => [s.occupationCode, s.grade],
    (s) => s.talents,
  );
  const capacity = sumStock(
    facts.provinceCode,
    facts.training,
    (s) => [s.occupationCode, ALL_GRADES],
    (s) => s.capacity,
  );
  const measurer = new SliceMeasurer(market, periods, talents, capacity);
  return Array.from(market.flows.values(), (flow) => measurer.measure(flow));
}

/** The quarters and the years the slices cover, oldest first: the periods the API accepts. */
export function slicePeriods(slices: readonly ShortageSlice[]): { quarters: string[]; years: string[] } {
  const periods = [...new Set(slices.map((s) => s.period))].sort();
  return { quarters: periods.filter((p) => p.includes('Q')), years: periods.filter((p) => !p.includes('Q')) };
}

/** The talents on record, and those at 高级工 or above, for the 专栏1 indicators. */
export function workforceCounts(supply: readonly SupplyFact[]): WorkforceCounts {
  let talents = 0;
  let highSkillTalents = 0;
  for (const s of supply) {
    talents += s.talents;
    if (s.grade >= HIGH_SKILL_MIN_GRADE) highSkillTalents += s.talents;
  }
  return { talents, highSkillTalents };
}

/** The data window: every quarter from the first to the last with any flow. */
function dataQuarters(cells: readonly CellFact[]): Quarter[] {
  let first: Quarter | undefined;
  let last: Quarter | undefined;
  for (const { quarter } of cells) {
    if (!isQuarter(quarter)) throw new Error(`not a quarter: ${quarter}`);
    if (!first || quarterIndex(quarter) < quarterIndex(first)) first = quarter;
    if (!last || quarterIndex(quarter) > quarterIndex(last)) last = quarter;
  }
  return first && last ? quarterRange(first, last) : [];
}

/** A stock summed up the region tree and across occupations and grades. */
function sumStock<T extends Pick<CellFact, 'districtCode' | 'cityCode'>>(
  provinceCode: string,
  rows: readonly T[],
  dims: (row: T) => [string | null, number],
  value: (row: T) => number,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const [occupation, grade] = dims(row);
    for (const region of [row.districtCode, row.cityCode, provinceCode])
      for (const o of occupation === null ? [ALL_OCCUPATIONS] : [occupation, ALL_OCCUPATIONS])
        for (const g of grade === ALL_GRADES ? [ALL_GRADES] : [grade, ALL_GRADES]) {
          const k = stockKey(region, o, g);
          totals.set(k, (totals.get(k) ?? 0) + value(row));
        }
  }
  return totals;
}
