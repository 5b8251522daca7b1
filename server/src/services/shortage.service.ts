import {
  InvalidInputError,
  PROVINCE_CODE,
  disclose,
  disclosureFor,
  protectCount,
  protectGroup,
  ratePer10k,
  timeseriesPointSchema,
  type Disclosure,
  type Catalog,
  type CatalogEntry,
  type CatalogQuery,
  type Forecast,
  type ForecastQuery,
  type Heatmap,
  type HeatmapQuery,
  type IndicatorProgress,
  type Indicators,
  type ShortageSlice,
  type Timeseries,
  type TimeseriesPoint,
  type TimeseriesQuery,
  type ViewerContext,
  type WorkforceCounts,
} from '@talentmap/core';
import {
  backtestDemand,
  COMPUTED_INDICATORS,
  FORECAST_MODEL,
  forecastDemand,
  isQuarter,
  progressTowardTarget,
  quarterRange,
  SHORTAGE_RULE,
  shortageReasons,
  shortageStatus,
  vacancySeekerRatio,
  type Quarter,
} from '@talentmap/analytics';
import type { ReferenceRepository, ShortageRepository } from '@talentmap/db';

const NO_DATA = '该筛选条件下没有数据，各项指标为 0';
const GROUP_NOTE = '产业链/集群视图：岗位需求按企业所属链归集，指数为链内职业指数的加权平均；中位时长、同比、薪酬等不可加总的指标不提供';
const NO_SHORTAGE = '该范围内没有达到紧缺或关注标准的职业';

interface Codes {
  region?: string | undefined;
  occupation?: string | undefined;
  chain?: string | undefined;
  cluster?: string | undefined;
}

type Market = Pick<ShortageSlice, 'vacancies' | 'seekers' | 'score'>;
/** A quarter's slice, or (in a chain view) only its market. */
type Measured = Market & Partial<ShortageSlice>;
type IndicatorRow = Awaited<ReturnType<ShortageRepository['planIndicators']>>[number];

const NO_MARKET: Market = { vacancies: 0, seekers: 0, score: null };
const noMarket = (m: Market) => m.vacancies === 0 && m.seekers === 0;

/** Null for every field a point may leave unmeasured: what a quarter without a slice of its own shows. */
const UNMEASURED = Object.fromEntries(
  Object.entries(timeseriesPointSchema.shape)
    .filter(([, field]) => field.safeParse(null).success)
    .map(([key]) => [key, null]),
);

/**
 * A quarter's point: the fields the point schema picks from the quarter's slice. With only a
 * market (a chain view, or a quarter without a slice) the ratio and status follow from it and
 * the rest is unmeasured.
 */
function point(quarter: string, measured: Measured): TimeseriesPoint {
  const ratio = vacancySeekerRatio(measured.vacancies, measured.seekers);
  return timeseriesPointSchema.parse({ ...UNMEASURED, ratio, status: shortageStatus(measured.score, ratio), ...measured, quarter });
}

const round = (x: number) => Math.round(x * 10) / 10;

/** 求人倍率 from the seekers as published; null when they are suppressed. */
const publishedRatio = (vacancies: number, seekers: number | null) => (seekers === null ? null : vacancySeekerRatio(vacancies, seekers));

/** A row's job seekers as the disclosure publishes them, with the ratio from what is shown. */
export function publishMarket<T extends { vacancies: number; seekers: number | null }>(row: T, disclosure: Disclosure) {
  const seekers = row.seekers === null ? null : disclose(disclosure, row.seekers);
  return { ...row, seekers, ratio: publishedRatio(row.vacancies, seekers) };
}

/**
 * Talents per 10,000 under `protected`: from the protected talents and the protected base (the
 * base follows from the exact rate), so the rate cannot be multiplied back into a small count.
 */
function publishedPer10k(talents: number | undefined, per10k: number | null, disclosure: Disclosure): number | null {
  if (disclosure === 'exact' || per10k === null) return per10k;
  if (talents === undefined || per10k === 0) return talents === undefined ? null : 0;
  return ratePer10k(protectCount(talents), protectCount(Math.round((talents * 1e4) / per10k)));
}

/** A point's people as the disclosure publishes them (the slice's talents count, when known, sets the rate's base). */
function publishPoint(p: TimeseriesPoint, talents: number | undefined, disclosure: Disclosure): TimeseriesPoint {
  if (disclosure === 'exact') return p;
  const seekers = p.seekers === null ? null : protectCount(p.seekers);
  return { ...p, seekers, ratio: publishedRatio(p.vacancies, seekers), talentsPer10k: publishedPer10k(talents, p.talentsPer10k, disclosure) };
}

/**
 * Shortage analytics for planners: the heatmap, time series, the shortage catalogue, the
 * 专栏1 indicators and demand forecasts, all read from the rollups (no request scans raw
 * vacancies). Answers leave out `synthetic`, which the routes add.
 */
export class ShortageService {
  constructor(
    private readonly repo: ShortageRepository,
    private readonly reference: ReferenceRepository,
  ) {}

  async heatmap(q: HeatmapQuery, viewer: ViewerContext): Promise<Omit<Heatmap, 'synthetic'>> {
    await this.checkCodes(q);
    const quarter = await this.period('quarter', q.quarter);
    const filter = { period: quarter, occupation: q.occupation, grade: q.grade, group: q.chain ?? q.cluster };
    const [totals, top] = await Promise.all([this.repo.regionTotals(q.level, filter), this.repo.topOccupations(q.level, filter, 3)]);
    const topByRegion = new Map<string, typeof top>();
    for (const t of top) topByRegion.set(t.regionCode, [...(topByRegion.get(t.regionCode) ?? []), t]);
    // The regions' seekers add up to the province's: one group for complementary suppression.
    const disclosures = totals.map((t) => disclosureFor(viewer, t.regionCode));
    const guarded = protectGroup(totals.map((t, i) => (disclosures[i] === 'protected' ? t.seekers : 0)));
    const items = totals.map((t, i) => {
      const disclosure = disclosures[i] as Disclosure;
      const seekers = disclosure === 'exact' ? t.seekers : (guarded[i] ?? null);
      const top = (topByRegion.get(t.regionCode) ?? []).map((o) => publishMarket(o, disclosure));
      const status = shortageStatus(t.score, vacancySeekerRatio(t.vacancies, t.seekers));
      return { ...t, seekers, ratio: publishedRatio(t.vacancies, seekers), status, topOccupations: top };
    });
    const disclosure = disclosures.includes('protected') ? 'protected' : 'exact';
    return { quarter, level: q.level, disclosure, items, ...(totals.every(noMarket) ? { note: NO_DATA } : {}) };
  }

  async timeseries(q: TimeseriesQuery, viewer: ViewerContext): Promise<Omit<Timeseries, 'synthetic'>> {
    await this.checkCodes(q);
    const region = q.region ?? PROVINCE_CODE;
    const group = q.chain ?? q.cluster;
    const window = await this.window();
    const rows = group ? await this.repo.groupSeries(region, group, q.occupation) : await this.repo.series(region, q.occupation);
    const byQuarter = new Map<string, Measured>(rows.map((r) => [r.period, r]));
    const disclosure = disclosureFor(viewer, region);
    const measured: Measured[] = window.map((quarter) => byQuarter.get(quarter) ?? NO_MARKET);
    const items = measured.map((m, i) => publishPoint(point(window[i] as string, m), m.talents, disclosure));
    const note = measured.every(noMarket) ? NO_DATA : group ? GROUP_NOTE : undefined;
    return { region, occupation: q.occupation ?? null, group: group ?? null, disclosure, items, ...(note ? { note } : {}) };
  }

  async catalog(q: Omit<CatalogQuery, 'format'>, viewer: ViewerContext): Promise<Omit<Catalog, 'synthetic' | 'publication'>> {
    await this.checkCodes(q);
    const year = await this.period('year', q.year);
    const regionCode = q.region ?? PROVINCE_CODE;
    const minVacancies = SHORTAGE_RULE.catalogueMinVacancies;
    const [rows, regionName] = await Promise.all([
      this.repo.catalog({ year, region: regionCode, group: q.chain ?? q.cluster, grade: q.grade, limit: q.limit, minVacancies }),
      this.repo.regionName(regionCode),
    ]);
    const chains = await this.repo.chainsNeeding([...new Set(rows.map((r) => r.occupationCode))]);
    const disclosure = disclosureFor(viewer, regionCode);
    const items = rows.map((r, i): CatalogEntry => ({
      ...publishMarket(r, disclosure),
      rank: i + 1,
      regionName,
      score: r.score ?? 0,
      status: r.status === 'bottleneck' ? 'bottleneck' : 'watch',
      reasons: shortageReasons({ ...r, medianReached: r.medianReached ?? true }),
      chains: chains.get(r.occupationCode) ?? [],
    }));
    return {
      year,
      region: { code: regionCode, name: regionName },
      rule: { bottleneck: SHORTAGE_RULE.bottleneck, watch: SHORTAGE_RULE.watch, minVacancies },
      disclosure,
      items,
      total: items.length,
      ...(items.length === 0 ? { note: NO_SHORTAGE } : {}),
    };
  }

  /** 专栏1 progress; `synthetic` says at what scale the computed values are. */
  async indicators(synthetic: boolean): Promise<Indicators> {
    const [rows, workforce] = await Promise.all([this.repo.planIndicators(), this.repo.workforce()]);
    const scale = synthetic ? '按已加载的合成演示数据计算，规模为演示规模，不代表全省实际' : '按已加载的人才数据计算';
    const items = rows.map((r) => indicatorProgress(r, workforce, scale));
    return { items, total: items.length };
  }

  async forecast(q: ForecastQuery): Promise<Omit<Forecast, 'synthetic'>> {
    await this.checkCodes(q);
    const region = q.region ?? PROVINCE_CODE;
    const window = await this.window();
    if (window.length === 0) throw new InvalidInputError('region', 'no shortage data is loaded');
    const vacancies = new Map((await this.repo.series(region, q.occupation)).map((s) => [s.period, s.vacancies]));
    const history = window.map((quarter) => ({ quarter, value: vacancies.get(quarter) ?? 0 }));
    const backtest = backtestDemand(history, q.horizon);
    return {
      region,
      occupation: q.occupation ?? null,
      model: { name: FORECAST_MODEL.name, description: FORECAST_MODEL.description },
      history: history.map((h) => ({ quarter: h.quarter, vacancies: h.value })),
      items: forecastDemand(history, q.horizon).map((f) => ({
        quarter: f.quarter,
        vacancies: round(f.value),
        lower80: round(f.lower80),
        upper80: round(f.upper80),
        lower95: round(f.lower95),
        upper95: round(f.upper95),
      })),
      backtest: { ...backtest, baseline: { name: FORECAST_MODEL.baseline, ...backtest.baseline } },
      ...(history.every((h) => h.value === 0) ? { note: NO_DATA } : {}),
    };
  }

  /** Unknown codes are an error naming the field, never an empty answer that looks like "no shortage". */
  private async checkCodes(q: Codes): Promise<void> {
    if (q.chain && q.cluster) throw new InvalidInputError('cluster', 'give chain or cluster, not both');
    if (q.region && !(await this.reference.regionExists(q.region))) throw new InvalidInputError('region', `unknown region code ${q.region}`);
    if (q.occupation && !(await this.reference.occupationExists(q.occupation)))
      throw new InvalidInputError('occupation', `unknown occupation code ${q.occupation}`);
    if (q.chain && !(await this.repo.groupExists('chain', q.chain))) throw new InvalidInputError('chain', `unknown chain code ${q.chain}`);
    if (q.cluster && !(await this.repo.groupExists('cluster', q.cluster))) throw new InvalidInputError('cluster', `unknown cluster code ${q.cluster}`);
  }

  /** The requested quarter or year, or the latest with data; an error when it lies outside the data. */
  private async period(field: 'quarter' | 'year', requested: string | undefined): Promise<string> {
    const periods = await this.repo.periods();
    const available = field === 'quarter' ? periods.quarters : periods.years;
    const first = available[0];
    const last = available.at(-1);
    if (first === undefined || last === undefined) throw new InvalidInputError(field, 'no shortage data is loaded');
    if (requested === undefined) return last;
    if (!available.includes(requested)) throw new InvalidInputError(field, `${requested} is outside the data (${first}–${last})`);
    return requested;
  }

  /** Every quarter from the first to the last with data, those without any slice included. */
  private async window(): Promise<Quarter[]> {
    const { quarters } = await this.repo.periods();
    const first = quarters[0];
    const last = quarters.at(-1);
    return first !== undefined && last !== undefined && isQuarter(first) && isQuarter(last) ? quarterRange(first, last) : [];
  }
}

/** An indicator the data computes (from the workforce at the last refresh), or one an administrator enters. */
function indicatorProgress(r: IndicatorRow, workforce: WorkforceCounts | null, scale: string): IndicatorProgress {
  const compute = COMPUTED_INDICATORS[r.code];
  if (!compute) {
    const progress = progressTowardTarget(r.baseline2020, r.target2025, r.currentValue);
    return { ...r, source: 'admin-input', progress, note: r.currentValue === null ? '待管理员录入' : null };
  }
  const currentValue = workforce ? compute(workforce) : null;
  const note = r.code === 'I02' ? `${scale}；分母为库内技能人才数（库中没有劳动者总数）` : scale;
  return { ...r, source: 'computed', currentValue, progress: progressTowardTarget(r.baseline2020, r.target2025, currentValue), note };
}
