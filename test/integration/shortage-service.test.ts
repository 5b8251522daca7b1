import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { HIGH_SKILL_MIN_GRADE, InvalidInputError, PROVINCE_CODE, timeseriesPointSchema, type ViewerContext } from '@talentmap/core';
import { ReferenceRepository, ShortageRepository, type DbClient } from '@talentmap/db';
import { ensureSeeded } from '@talentmap/seed';
import { ShortageService } from '@talentmap/server/services/shortage';
import { createTestDatabase, testDriver, type TestDatabase } from '../support/database.js';

/** A provincial planner: the figures exactly, as the shortage rules are checked against the raw tables. */
const PROVINCE: ViewerContext = { role: 'planner', accountId: 1, scope: { kind: 'region', regionCode: PROVINCE_CODE } };

/**
 * "Medium" tests: ShortageService over its real repositories, on the seeded demo database and
 * on one with reference data only (never refreshed), called directly without HTTP.
 */
let demo: TestDatabase;
let bare: TestDatabase;
const serviceOn = (client: DbClient) => new ShortageService(new ShortageRepository(client), new ReferenceRepository(client));

beforeAll(async () => {
  demo = await createTestDatabase();
  bare = await createTestDatabase({ seed: false });
  await ensureSeeded(bare.client, { demo: false });
});
afterAll(async () => {
  await demo?.dispose();
  await bare?.dispose();
});

/** The InvalidInputError a call throws (anything else fails the test). */
async function invalid(call: () => Promise<unknown>): Promise<InvalidInputError> {
  const err = await call().then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  if (!(err instanceof InvalidInputError)) throw err;
  return err;
}

describe(`ShortageService on the demo data (${testDriver})`, () => {
  const service = () => serviceOn(demo.client);

  it.each([
    ['region', { region: '329999' }, 'unknown region code 329999'],
    ['occupation', { occupation: '6-99-99-99' }, 'unknown occupation code 6-99-99-99'],
    ['chain', { chain: 'CH99' }, 'unknown chain code CH99'],
    ['cluster', { cluster: 'C99' }, 'unknown cluster code C99'],
    ['cluster', { chain: 'CH01', cluster: 'C01' }, 'give chain or cluster, not both'],
  ])('rejects %s in every answer that takes codes: %j', async (field, codes, reason) => {
    const calls = [
      () => service().heatmap({ level: 'city', ...codes }, PROVINCE),
      () => service().timeseries(codes, PROVINCE),
      () => service().catalog({ limit: 10, ...codes }, PROVINCE),
      ...('chain' in codes || 'cluster' in codes ? [] : [() => service().forecast({ horizon: 4, ...codes })]),
    ];
    for (const call of calls) expect((await invalid(call)).message).toBe(`${field}: ${reason}`);
  });

  it('answers for the latest quarter and year by default and rejects a period outside the data', async () => {
    // The demo covers 2024Q4–2026Q3 (DEMO_PERIOD).
    expect((await service().heatmap({ level: 'district' }, PROVINCE)).quarter).toBe('2026Q3');
    expect((await service().heatmap({ level: 'district', quarter: '2025Q1' }, PROVINCE)).quarter).toBe('2025Q1');
    expect((await service().catalog({ limit: 5 }, PROVINCE)).year).toBe('2026');
    const quarter = await invalid(() => service().heatmap({ level: 'city', quarter: '2030Q1' }, PROVINCE));
    expect(quarter.field).toBe('quarter');
    expect(quarter.message).toBe('quarter: 2030Q1 is outside the data (2024Q4–2026Q3)');
    expect((await invalid(() => service().catalog({ limit: 5, year: '2019' }, PROVINCE))).message).toBe('year: 2019 is outside the data (2024–2026)');
  });

  it('gives every quarter of the window a point of exactly the published shape', async () => {
    const series = await service().timeseries({ region: '320500' }, PROVINCE);
    expect(series.items).toHaveLength(8);
    expect(series.note).toBeUndefined();
    const keys = Object.keys(timeseriesPointSchema.shape);
    for (const p of series.items) expect(Object.keys(p)).toEqual(keys);
    const [raw] = await demo.client.rows<{ vacancies: number }>(sql`
      select coalesce(sum(v.headcount), 0)::int as vacancies from vacancies v join regions r on r.code = v.region_code where r.parent_code = '320500'`);
    expect(series.items.reduce((a, p) => a + p.vacancies, 0)).toBe(raw?.vacancies);
  });

  it("measures a chain's market only: its enterprises' vacancies in its occupations, nothing else", async () => {
    const series = await service().timeseries({ chain: 'CH01' }, PROVINCE);
    expect(series.items).toHaveLength(8);
    expect(series.note).toContain('产业链');
    expect(series.items.every((p) => p.medianDays === null && p.wageMean === null && p.trainingCapacity === null)).toBe(true);
    const raw = await demo.client.rows<{ quarter: string; vacancies: number }>(sql`
      select to_char(v.posted_on, 'YYYY"Q"Q') as quarter, sum(v.headcount)::int as vacancies from vacancies v
      where exists (select 1 from enterprise_chains ec join chain_occupations co on co.chain_code = ec.chain_code
                    where ec.enterprise_id = v.enterprise_id and ec.chain_code = 'CH01' and co.occupation_code = v.occupation_code)
      group by 1`);
    expect(raw.length).toBeGreaterThan(0);
    const byQuarter = new Map(raw.map((r) => [r.quarter, r.vacancies]));
    expect(series.items.map((p) => p.vacancies)).toEqual(series.items.map((p) => byQuarter.get(p.quarter) ?? 0));
  });

  it('ranks the catalogue from 1, lists only bottlenecks and watches, and names the chains that need each', async () => {
    const catalog = await service().catalog({ limit: 50, grade: 5 }, PROVINCE);
    expect(catalog.items.length).toBeGreaterThan(0);
    expect(catalog.total).toBe(catalog.items.length);
    expect(catalog.items.map((e) => e.rank)).toEqual(catalog.items.map((_, i) => i + 1));
    expect(catalog.items.every((e) => e.grade === 5 && e.regionCode === PROVINCE_CODE && e.regionName === '江苏省')).toBe(true);
    const matrix = await demo.client.rows<{ occupation: string; chain: string }>(
      sql`select occupation_code as occupation, chain_code as chain from chain_occupations`,
    );
    const pairs = new Set(matrix.map((m) => `${m.occupation}|${m.chain}`));
    expect(catalog.items.some((e) => e.chains.length > 0)).toBe(true);
    expect(catalog.items.every((e) => e.chains.every((c) => pairs.has(`${e.occupationCode}|${c.code}`)))).toBe(true);
  });

  it('computes I01 and I02 from the talents on record, and says at what scale', async () => {
    const [raw] = await demo.client.rows<{ talents: number; high: number }>(sql`
      select count(*)::int as talents, (count(*) filter (where grade >= ${HIGH_SKILL_MIN_GRADE}))::int as high from talents`);
    const synthetic = await service().indicators(true);
    const [i01, i02] = synthetic.items;
    expect(i01).toMatchObject({ code: 'I01', source: 'computed' });
    expect(i01?.currentValue).toBeCloseTo((raw?.high ?? 0) / 10_000, 10);
    expect(i02?.currentValue).toBeCloseTo(((raw?.high ?? 0) / (raw?.talents ?? 1)) * 10_000, 10);
    expect(i01?.note).toContain('合成演示数据');
    expect((await service().indicators(false)).items[0]?.note).toBe('按已加载的人才数据计算');
    const entered = synthetic.items.filter((i) => i.source === 'admin-input');
    expect(entered.length).toBeGreaterThan(0);
    expect(entered.every((i) => i.currentValue === null && i.progress === null && i.note === '待管理员录入')).toBe(true);
  });

  it('forecasts from the full window of history, zeros where an occupation had no demand', async () => {
    const forecast = await service().forecast({ horizon: 2 });
    expect(forecast.history).toHaveLength(8);
    expect(forecast.items.map((f) => f.quarter)).toEqual(['2026Q4', '2027Q1']);
    const [rare] = await demo.client.rows<{ code: string }>(sql`
      select code from occupations where code not in (select occupation_code from vacancies) order by code limit 1`);
    expect(rare).toBeDefined();
    const none = await service().forecast({ horizon: 1, occupation: rare?.code });
    expect(none.history.map((h) => h.vacancies)).toEqual(Array(8).fill(0));
    expect(none.note).toContain('没有数据');
  });
});

describe(`ShortageService before any refresh (${testDriver})`, () => {
  const service = () => serviceOn(bare.client);

  it('says no shortage data is loaded, naming the period or region, where an answer needs one', async () => {
    expect((await invalid(() => service().heatmap({ level: 'city' }, PROVINCE))).message).toBe('quarter: no shortage data is loaded');
    expect((await invalid(() => service().heatmap({ level: 'city', quarter: '2026Q3' }, PROVINCE))).message).toBe('quarter: no shortage data is loaded');
    expect((await invalid(() => service().catalog({ limit: 10 }, PROVINCE))).message).toBe('year: no shortage data is loaded');
    expect((await invalid(() => service().forecast({ horizon: 4 }))).message).toBe('region: no shortage data is loaded');
  });

  it('answers a time series with no points and the no-data note, and indicators without computed values', async () => {
    const series = await service().timeseries({}, PROVINCE);
    expect(series).toMatchObject({ region: PROVINCE_CODE, occupation: null, group: null, items: [] });
    expect(series.note).toContain('没有数据');
    const indicators = await service().indicators(false);
    expect(indicators.total).toBe(22);
    expect(indicators.items.filter((i) => i.source === 'computed').map((i) => [i.code, i.currentValue])).toEqual([
      ['I01', null],
      ['I02', null],
    ]);
  });
});
