import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  catalogQuerySchema,
  catalogSchema,
  errorSchema,
  forecastQuerySchema,
  forecastSchema,
  heatmapQuerySchema,
  heatmapSchema,
  indicatorsSchema,
  PROVINCE_CODE,
  timeseriesQuerySchema,
  timeseriesSchema,
  type CatalogEntry,
  type IndicatorProgress,
  type TimeseriesPoint,
} from '@talentmap/core';
import {
  backtestDemand,
  COMPUTED_INDICATORS,
  FORECAST_MODEL,
  forecastDemand,
  progressTowardTarget,
  quarterRange,
  SHORTAGE_RULE,
  shortageReasons,
  shortageStatus,
  vacancySeekerRatio,
  type Quarter,
} from '@talentmap/analytics';
import { ReferenceRepository, ShortageRepository, type SliceRow } from '@talentmap/db';
import { InvalidInputError } from '@talentmap/core';
import { attachment, catalogCsv, catalogXlsx } from '../../services/catalog-export.js';

const NO_DATA = '该筛选条件下没有数据，各项指标为 0';
const tags = ['shortage'];
const error = { 400: errorSchema };

/**
 * Shortage analytics for planners: the heatmap, time series, the shortage catalogue, the
 * 专栏1 indicators and demand forecasts. Everything is read from the rollups that
 * ShortageRepository.refresh() rebuilds after each load; no request scans raw vacancies.
 */
const shortage: FastifyPluginAsyncZod = async (app) => {
  const repo = new ShortageRepository(app.database);
  const reference = new ReferenceRepository(app.database);
  const synthetic = async () => (await app.datasetService.kind()) === 'synthetic-demo';

  /** Unknown codes are a 400 naming the field, never an empty answer that looks like "no shortage". */
  const checkCodes = async (q: { region?: string | undefined; occupation?: string | undefined; chain?: string | undefined; cluster?: string | undefined }) => {
    if (q.chain && q.cluster) throw new InvalidInputError('cluster', 'give chain or cluster, not both');
    if (q.region && !(await reference.regionExists(q.region))) throw new InvalidInputError('region', `unknown region code ${q.region}`);
    if (q.occupation && !(await reference.occupationExists(q.occupation))) throw new InvalidInputError('occupation', `unknown occupation code ${q.occupation}`);
    if (q.chain && !(await repo.groupExists('chain', q.chain))) throw new InvalidInputError('chain', `unknown chain code ${q.chain}`);
    if (q.cluster && !(await repo.groupExists('cluster', q.cluster))) throw new InvalidInputError('cluster', `unknown cluster code ${q.cluster}`);
  };

  /** The requested period, or the latest; a 400 when it lies outside the data. */
  const period = (field: 'quarter' | 'year', requested: string | undefined, available: string[]) => {
    if (requested === undefined) return available[available.length - 1] ?? null;
    if (!available.includes(requested))
      throw new InvalidInputError(field, available.length ? `${requested} is outside the data (${available[0]}–${available[available.length - 1]})` : 'no shortage data is loaded');
    return requested;
  };

  app.get(
    '/shortage/heatmap',
    { schema: { tags, summary: 'Vacancies, seekers, 求人倍率 and shortage score per city or district', querystring: heatmapQuerySchema, response: { 200: heatmapSchema, ...error } } },
    async (request) => {
      const q = request.query;
      await checkCodes(q);
      const quarter = period('quarter', q.quarter, (await repo.periods()).quarters);
      if (quarter === null) throw new InvalidInputError('quarter', 'no shortage data is loaded');
      const filter = { period: quarter, occupation: q.occupation, grade: q.grade, group: q.chain ?? q.cluster };
      const [totals, top] = await Promise.all([repo.regionTotals(q.level, filter), repo.topOccupations(q.level, filter, 3)]);
      const topByRegion = new Map<string, typeof top>();
      for (const t of top) topByRegion.set(t.regionCode, [...(topByRegion.get(t.regionCode) ?? []), t]);
      const items = totals.map((t) => {
        const ratio = vacancySeekerRatio(t.vacancies, t.seekers);
        const topOccupations = (topByRegion.get(t.regionCode) ?? []).map(({ regionCode: _r, ...o }) => o);
        return { ...t, ratio, status: shortageStatus(t.score, ratio), topOccupations };
      });
      const empty = items.every((i) => i.vacancies === 0 && i.seekers === 0);
      return { quarter, level: q.level, synthetic: await synthetic(), items, ...(empty ? { note: NO_DATA } : {}) };
    },
  );

  app.get(
    '/shortage/timeseries',
    { schema: { tags, summary: 'The shortage measures quarter by quarter for a region, occupation, chain or cluster', querystring: timeseriesQuerySchema, response: { 200: timeseriesSchema, ...error } } },
    async (request) => {
      const q = request.query;
      await checkCodes(q);
      const region = q.region ?? PROVINCE_CODE;
      const group = q.chain ?? q.cluster;
      const { quarters } = await repo.periods();
      const window = quarters.length ? quarterRange(quarters[0] as Quarter, quarters[quarters.length - 1] as Quarter) : [];
      let items;
      let note: string | undefined;
      if (group) {
        const rows = new Map((await repo.groupSeries(region, group, q.occupation)).map((r) => [r.period, r]));
        items = window.map((quarter) => {
          const r = rows.get(quarter) ?? { vacancies: 0, seekers: 0, score: null };
          const ratio = vacancySeekerRatio(r.vacancies, r.seekers);
          return { ...emptyPoint(quarter), vacancies: r.vacancies, seekers: r.seekers, ratio, score: r.score, status: shortageStatus(r.score, ratio) };
        });
        note = '产业链/集群视图：岗位需求按企业所属链归集，指数为链内职业指数的加权平均；中位时长、同比、薪酬等不可加总的指标不提供';
      } else {
        const rows = new Map((await repo.series(region, q.occupation)).map((r) => [r.period, r]));
        items = window.map((quarter) => {
          const r = rows.get(quarter);
          return r ? seriesPoint(r) : emptyPoint(quarter);
        });
      }
      if (items.every((i) => i.vacancies === 0 && i.seekers === 0)) note = NO_DATA;
      return { region, occupation: q.occupation ?? null, group: group ?? null, synthetic: await synthetic(), items, ...(note ? { note } : {}) };
    },
  );

  app.get(
    '/shortage/catalog',
    {
      schema: {
        tags,
        summary: '紧缺职业目录: occupation × grade ranked by shortage score, with reasons; JSON, CSV (UTF-8 BOM) or XLSX',
        querystring: catalogQuerySchema,
        response: { 200: catalogSchema, ...error },
      },
    },
    async (request, reply) => {
      const q = request.query;
      await checkCodes(q);
      const year = period('year', q.year, (await repo.periods()).years);
      if (year === null) throw new InvalidInputError('year', 'no shortage data is loaded');
      const regionCode = q.region ?? PROVINCE_CODE;
      const [rows, regionName] = await Promise.all([
        repo.catalog({ year, region: regionCode, group: q.chain ?? q.cluster, grade: q.grade, limit: q.limit, minVacancies: SHORTAGE_RULE.catalogueMinVacancies }),
        repo.regionName(regionCode),
      ]);
      const chains = await repo.chainsNeeding([...new Set(rows.map((r) => r.occupationCode))]);
      const items: CatalogEntry[] = rows.map((r, i) => ({
        rank: i + 1,
        occupationCode: r.occupationCode,
        occupationName: r.occupationName,
        grade: r.grade,
        gradeName: r.gradeName,
        regionCode,
        regionName,
        score: r.score ?? 0,
        status: r.status === 'bottleneck' ? 'bottleneck' : 'watch',
        ratio: r.ratio,
        vacancies: r.vacancies,
        seekers: r.seekers,
        medianDays: r.medianDays,
        demandGrowth: r.demandGrowth,
        reasons: shortageReasons({ ...r, medianReached: r.medianReached ?? true, points: pointsOf(r) }),
        chains: chains.get(r.occupationCode) ?? [],
      }));
      const name = `紧缺职业目录-${regionName}-${year}`;
      const ascii = `shortage-catalog-${regionCode}-${year}`;
      if (q.format !== 'json') {
        const body = q.format === 'csv' ? catalogCsv(items) : await catalogXlsx(items, name);
        // The typed reply only knows the JSON shape; downloads bypass the serializer.
        return (reply as unknown as FastifyReply)
          .type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(`${ascii}.${q.format}`, `${name}.${q.format}`))
          .send(body);
      }
      return {
        year,
        region: { code: regionCode, name: regionName },
        rule: { bottleneck: SHORTAGE_RULE.bottleneck, watch: SHORTAGE_RULE.watch, minVacancies: SHORTAGE_RULE.catalogueMinVacancies },
        synthetic: await synthetic(),
        items,
        total: items.length,
        ...(items.length === 0 ? { note: '该范围内没有达到紧缺或关注标准的职业' } : {}),
      };
    },
  );

  app.get(
    '/indicators',
    { schema: { tags, summary: '专栏1 indicators: 2020 baseline, 2025 target, current value and progress', response: { 200: indicatorsSchema } } },
    async () => {
      const [rows, workforce, isSynthetic] = await Promise.all([repo.planIndicators(), repo.workforce(), synthetic()]);
      const items = rows.map((r): IndicatorProgress => {
        const compute = COMPUTED_INDICATORS[r.code];
        const computed = compute && workforce ? compute(workforce) : null;
        const source = compute ? 'computed' : 'admin-input';
        const currentValue = compute ? computed : r.currentValue;
        const scale = isSynthetic ? '按已加载的合成演示数据计算，规模为演示规模，不代表全省实际' : '按已加载的人才数据计算';
        const note = compute ? (r.code === 'I02' ? `${scale}；分母为库内技能人才数（库中没有劳动者总数）` : scale) : currentValue === null ? '待管理员录入' : null;
        return {
          code: r.code,
          section: r.section,
          name: r.name,
          unit: r.unit,
          baseline2020: r.baseline2020,
          target2025: r.target2025,
          attribute: r.attribute,
          source,
          currentValue,
          progress: progressTowardTarget(r.baseline2020, r.target2025, currentValue),
          note,
        };
      });
      return { items, total: items.length };
    },
  );

  app.get(
    '/forecast',
    { schema: { tags, summary: 'Quarterly demand forecast with prediction intervals and its back-test error', querystring: forecastQuerySchema, response: { 200: forecastSchema, ...error } } },
    async (request) => {
      const q = request.query;
      await checkCodes(q);
      const region = q.region ?? PROVINCE_CODE;
      const { quarters } = await repo.periods();
      if (quarters.length === 0) throw new InvalidInputError('region', 'no shortage data is loaded');
      const rows = new Map((await repo.series(region, q.occupation)).map((r) => [r.period, r.vacancies]));
      const history = quarterRange(quarters[0] as Quarter, quarters[quarters.length - 1] as Quarter).map((quarter) => ({ quarter, value: rows.get(quarter) ?? 0 }));
      const backtest = backtestDemand(history, q.horizon);
      const round = (x: number) => Math.round(x * 10) / 10;
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
        synthetic: await synthetic(),
        ...(history.every((h) => h.value === 0) ? { note: NO_DATA } : {}),
      };
    },
  );
};
export default shortage;

const pointsOf = (r: SliceRow) => ({
  ratio: r.pointsRatio,
  duration: r.pointsDuration,
  demandGrowth: r.pointsDemandGrowth,
  wageGrowth: r.pointsWageGrowth,
  pipeline: r.pointsPipeline,
});

function seriesPoint(r: SliceRow): TimeseriesPoint {
  return {
    quarter: r.period,
    vacancies: r.vacancies,
    seekers: r.seekers,
    ratio: r.ratio,
    medianDays: r.medianDays,
    medianReached: r.medianReached,
    demandGrowth: r.demandGrowth,
    wageMean: r.wageMean,
    wageGrowth: r.wageGrowth,
    talentsPer10k: r.talentsPer10k,
    trainingCapacity: r.trainingCapacity,
    pipelineCoverage: r.pipelineCoverage,
    score: r.score,
    status: r.status,
  };
}

/** A quarter in the data window with nothing for this slice. */
function emptyPoint(quarter: string): TimeseriesPoint {
  return {
    quarter,
    vacancies: 0,
    seekers: 0,
    ratio: 0,
    medianDays: null,
    medianReached: null,
    demandGrowth: null,
    wageMean: null,
    wageGrowth: null,
    talentsPer10k: null,
    trainingCapacity: null,
    pipelineCoverage: null,
    score: null,
    status: 'insufficient',
  };
}
