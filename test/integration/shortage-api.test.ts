import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { PROVINCE_CODE, type Catalog, type Forecast, type Heatmap, type IndicatorProgress, type Timeseries } from '@talentmap/core';
import { hashPassword } from '@talentmap/core/password';
import { AccountRepository, enterpriseChains, enterprises, institutions, jobSeekers, programs, talents, vacancies } from '@talentmap/db';
import { ensureSeeded, refreshShortageRollups } from '@talentmap/seed';
import { DEMO_PASSWORD_FOR_TESTS, testDriver, type TestDatabase } from '../support/database.js';
import { signIn, useApi } from '../support/api.js';

/**
 * A hand-made market on reference data only, small enough to work every figure out by hand.
 *
 * 焊工 (6-18-02-04) 高级工 in 南京: 玄武区 (320102, enterprise linked to chain CH15) and 秦淮区
 * (320104, no chain); one 电工 (6-31-01-03) 中级工 posting in 苏州 姑苏区 (320508).
 *
 *   posting  district  quarter  headcount  posted      filled      days  wage midpoint
 *   V1       玄武      2025Q3   2          2025-07-10  2025-07-30  20    9000
 *   V2       秦淮      2025Q3   2          2025-08-01  2025-08-11  10    9000
 *   V3       玄武      2026Q3   3          2026-07-01  2026-07-11  10    10000
 *   V4       玄武      2026Q3   2          2026-07-01  2026-08-10  40    10000
 *   V5       玄武      2026Q3   1          2026-08-01  open        30 (censored at 2026-08-31)
 *   V6       秦淮      2026Q3   2          2026-08-01  2026-08-31  30    10000
 *   V7       姑苏      2026Q3   1 (电工)    2026-07-15  2026-07-20  5     6500
 *
 * Seekers: 2025Q3 玄武 2, 秦淮 2; 2026Q3 玄武 2, 秦淮 0, 姑苏 3 (电工 中级工).
 * Talents: 玄武 3 焊工 高级工 + 7 undeclared 初级工; 姑苏 2 电工 中级工. Training: 10 places for 焊工 in 玄武.
 */
const WELDER = '6-18-02-04';
const ELECTRICIAN = '6-31-01-03';
const XUANWU = '320102';
const QINHUAI = '320104';
const GUSU = '320508';

async function loadFixture(database: TestDatabase) {
  const { db } = database.client;
  const place = { lng: 118.8, lat: 32.05, size: 'medium' as const };
  const [e1, e2, e3] = await db
    .insert(enterprises)
    .values([
      { name: '玄武焊接装备有限公司', regionCode: XUANWU, ...place },
      { name: '秦淮钢构有限公司', regionCode: QINHUAI, ...place },
      { name: '姑苏电气有限公司', regionCode: GUSU, ...place, lng: 120.6, lat: 31.3 },
    ])
    .returning({ id: enterprises.id });
  await db.insert(enterpriseChains).values({ enterpriseId: e1!.id, chainCode: 'CH15' });
  const posting = (
    enterpriseId: number,
    regionCode: string,
    headcount: number,
    postedOn: string,
    filledOn: string | null,
    wageMin: number,
    wageMax: number,
    occupationCode = WELDER,
    grade = 4,
  ) => ({
    enterpriseId,
    regionCode,
    occupationCode,
    grade,
    headcount,
    title: '焊工（高级工）',
    skills: [],
    postedOn,
    filledOn,
    wageMin,
    wageMax,
  });
  await db
    .insert(vacancies)
    .values([
      posting(e1!.id, XUANWU, 2, '2025-07-10', '2025-07-30', 8000, 10000),
      posting(e2!.id, QINHUAI, 2, '2025-08-01', '2025-08-11', 8000, 10000),
      posting(e1!.id, XUANWU, 3, '2026-07-01', '2026-07-11', 9000, 11000),
      posting(e1!.id, XUANWU, 2, '2026-07-01', '2026-08-10', 9000, 11000),
      posting(e1!.id, XUANWU, 1, '2026-08-01', null, 9000, 11000),
      posting(e2!.id, QINHUAI, 2, '2026-08-01', '2026-08-31', 9000, 11000),
      posting(e3!.id, GUSU, 1, '2026-07-15', '2026-07-20', 6000, 7000, ELECTRICIAN, 3),
    ]);
  const seeker = (regionCode: string, registeredOn: string, occupationCode = WELDER, grade = 4) => ({ regionCode, occupationCode, grade, registeredOn });
  await db
    .insert(jobSeekers)
    .values([
      seeker(XUANWU, '2025-07-02'),
      seeker(XUANWU, '2025-09-01'),
      seeker(QINHUAI, '2025-07-05'),
      seeker(QINHUAI, '2025-08-20'),
      seeker(XUANWU, '2026-07-03'),
      seeker(XUANWU, '2026-09-10'),
      seeker(GUSU, '2026-07-01', ELECTRICIAN, 3),
      seeker(GUSU, '2026-07-02', ELECTRICIAN, 3),
      seeker(GUSU, '2026-08-02', ELECTRICIAN, 3),
    ]);
  const talent = (regionCode: string, occupationCode: string | null, grade: number) => ({
    regionCode,
    lng: 118.8,
    lat: 32.05,
    occupationCode,
    grade,
    skills: [],
    yearsExperience: 5,
    employmentStatus: 'employed' as const,
    openToOffers: false,
    willingRadiusKm: 20,
  });
  await db
    .insert(talents)
    .values([
      ...[1, 2, 3].map(() => talent(XUANWU, WELDER, 4)),
      ...[1, 2, 3, 4, 5, 6, 7].map(() => talent(XUANWU, null, 2)),
      ...[1, 2].map(() => talent(GUSU, ELECTRICIAN, 3)),
    ]);
  const [school] = await db
    .insert(institutions)
    .values({ name: '玄武技师学院', kind: 'technical_school', regionCode: XUANWU, lng: 118.8, lat: 32.05, capacity: 1000 })
    .returning({ id: institutions.id });
  await db.insert(programs).values({
    institutionId: school!.id,
    name: '焊工（高级工）培训班',
    occupationCodes: [WELDER],
    skills: [],
    grade: 4,
    hours: 320,
    capacity: 10,
    subsidyEligible: true,
    mode: 'offline',
  });
}

const api = useApi({
  seed: false,
  prepare: async (database) => {
    await ensureSeeded(database.client, { demo: false });
    await loadFixture(database);
    await refreshShortageRollups(database.client);
    // The worked figures are checked as a provincial planner sees them: exactly (privacy-aggregates.test.ts covers the rest).
    await new AccountRepository(database.client).create({
      username: 'fixture-planner',
      passwordHash: await hashPassword(DEMO_PASSWORD_FOR_TESTS),
      role: 'planner',
      regionCode: PROVINCE_CODE,
    });
  },
});
const planner = api.as('fixture-planner');
const get = <T>(url: string) => planner.get<T>(url);
const download = async (url: string) => api.app.inject({ method: 'GET', url, headers: { cookie: (await signIn(api.app, 'fixture-planner')).cookie } });

describe(`shortage heatmap and time series on a hand-worked fixture (${testDriver})`, () => {
  it('heatmap by city: ratio, score and top occupations as worked by hand', async () => {
    const { status, body } = await get<Heatmap>('/api/shortage/heatmap?level=city&quarter=2026Q3');
    expect(status).toBe(200);
    expect(body.quarter).toBe('2026Q3');
    expect(body.items).toHaveLength(13);
    expect(body.note).toBeUndefined();
    const nanjing = body.items.find((i) => i.regionCode === '320100');
    // 8 vacancies (3+2+1+2), 2 seekers → 4.0. Points: ratio 3; median 30 (KM over 10, 30, 30 open, 40)
    // ÷ province 30 = 1.0 → 1; demand 8 vs 4 → 3; wage 10000 vs 9000 → 3; 10 places ÷ 32 → 2. 12/5.
    expect(nanjing).toMatchObject({ regionName: '南京市', vacancies: 8, seekers: 2, ratio: 4, status: 'bottleneck' });
    expect(nanjing?.score).toBeCloseTo(2.4, 10);
    expect(nanjing?.topOccupations).toEqual([
      { occupationCode: WELDER, occupationName: '焊工', vacancies: 8, seekers: 2, ratio: 4, score: expect.closeTo(2.4, 10) },
    ]);
    // 苏州: 1 vacancy, 3 seekers → 1/3 → 0; 5 days ÷ 30 → 0; no year-earlier data; no training → 3: (0+0+3)/3.
    const suzhou = body.items.find((i) => i.regionCode === '320500');
    expect(suzhou).toMatchObject({ vacancies: 1, seekers: 3, status: 'none' });
    expect(suzhou?.ratio).toBeCloseTo(1 / 3, 10);
    expect(suzhou?.score).toBeCloseTo(1, 10);
    const wuxi = body.items.find((i) => i.regionCode === '320200');
    expect(wuxi).toMatchObject({ vacancies: 0, seekers: 0, ratio: 0, score: null, status: 'insufficient', topOccupations: [] });
  });

  it('heatmap by district: the open posting is censored, and no seekers floors the ratio at one', async () => {
    const { body } = await get<Heatmap>(`/api/shortage/heatmap?level=district&quarter=2026Q3&occupation=${WELDER}&grade=4`);
    const xuanwu = body.items.find((i) => i.regionCode === XUANWU);
    // 6 vacancies / 2 seekers = 3 → 3; KM median 40 (S(10)=2/3, 30 censored, S(40)=0) ÷ 30 → 3;
    // 6 vs 2 → 3; wage +11% → 3; 10 ÷ 24 = 0.42 → 2. 14/5.
    expect(xuanwu).toMatchObject({ vacancies: 6, seekers: 2, ratio: 3, status: 'bottleneck' });
    expect(xuanwu?.score).toBeCloseTo(2.8, 10);
    const qinhuai = body.items.find((i) => i.regionCode === QINHUAI);
    // 2 vacancies, 0 seekers → 2 / max(0, 1) = 2 → 3; 30 ÷ 30 → 1; 2 vs 2 → 1; wage → 3; no places → 3. 11/5.
    expect(qinhuai).toMatchObject({ vacancies: 2, seekers: 0, ratio: 2, status: 'bottleneck' });
    expect(qinhuai?.score).toBeCloseTo(2.2, 10);
  });

  it('attributes vacancies to a chain through its enterprises', async () => {
    const { body } = await get<Heatmap>('/api/shortage/heatmap?level=district&quarter=2026Q3&chain=CH15');
    // Only 玄武's enterprise is linked to CH15: its 6 焊工 vacancies; 焊工's market score there.
    expect(body.items.find((i) => i.regionCode === XUANWU)).toMatchObject({ vacancies: 6, seekers: 2, ratio: 3, score: expect.closeTo(2.8, 10) });
    // 秦淮's enterprise has no chain link: none of its vacancies count (and it had no seekers in 2026Q3).
    expect(body.items.find((i) => i.regionCode === QINHUAI)).toMatchObject({ vacancies: 0, seekers: 0, score: null });
    const cluster = await get<Heatmap>('/api/shortage/heatmap?level=city&quarter=2026Q3&cluster=C02');
    expect(cluster.body.items.find((i) => i.regionCode === '320100')).toMatchObject({ vacancies: 6, seekers: 2, ratio: 3 });
  });

  it('time series of a district and occupation, quarter by quarter with the gaps as zeros', async () => {
    const { status, body } = await get<Timeseries>(`/api/shortage/timeseries?region=${XUANWU}&occupation=${WELDER}`);
    expect(status).toBe(200);
    expect(body.items.map((p) => p.quarter)).toEqual(['2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3']);
    const [first, gap, , , last] = body.items;
    // 2025Q3: 2 / 2 = 1 → 1; 20 days ÷ province 10 (KM over 10, 20) = 2 → 3; 10 ÷ 8 → 0; no growth yet. 4/3.
    expect(first).toMatchObject({ vacancies: 2, seekers: 2, ratio: 1, medianDays: 20, medianReached: true, demandGrowth: null, status: 'none' });
    expect(first?.score).toBeCloseTo(4 / 3, 10);
    // A quarter without a slice: no market, nothing measured.
    expect(gap).toEqual({
      quarter: '2025Q4',
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
    });
    expect(last).toMatchObject({ vacancies: 6, seekers: 2, ratio: 3, medianDays: 40, wageMean: 10000, trainingCapacity: 10, talentsPer10k: 3000 });
    expect(last?.demandGrowth).toBeCloseTo(2, 10);
    expect(last?.wageGrowth).toBeCloseTo(1 / 9, 10);
    expect(last?.pipelineCoverage).toBeCloseTo(10 / 24, 10);
  });
});

describe(`shortage catalogue, indicators and forecast on the hand-worked fixture (${testDriver})`, () => {
  it('publishes the catalogue with reasons and the chains that need the occupation', async () => {
    const { status, body } = await get<Catalog>('/api/shortage/catalog?year=2026');
    expect(status).toBe(200);
    expect(body.region).toEqual({ code: '320000', name: '江苏省' });
    // 2026 covers 2026Q1–Q3 of the window: 8 vacancies / 2 → 3; median 30 ÷ 30 → 1; 2026Q3 vs 2025Q3
    // 8 vs 4 → 3; wage → 3; 10 places ÷ (8 × 4/3) = 0.94 → 1. 11/5. 电工 has 1 vacancy (< 5): not listed.
    expect(body.total).toBe(1);
    const [welder] = body.items;
    expect(welder).toMatchObject({
      rank: 1,
      occupationCode: WELDER,
      occupationName: '焊工',
      grade: 4,
      gradeName: '高级工',
      status: 'bottleneck',
      ratio: 4,
      vacancies: 8,
      seekers: 2,
      medianDays: 30,
    });
    expect(welder?.score).toBeCloseTo(2.2, 10);
    expect(welder?.reasons).toEqual(['求人倍率 4.00', '岗位需求同比 +100%', '招聘薪酬同比 +11%']);
    expect(welder?.chains.map((c) => c.code)).toContain('CH15');
    const district = await get<Catalog>(`/api/shortage/catalog?year=2026&region=${XUANWU}&chain=CH15`);
    expect(district.body.items[0]?.score).toBeCloseTo(2.4, 10);
  });

  it('exports the catalogue as CSV with a BOM and as XLSX with Chinese headers', async () => {
    const all = await get<Catalog>('/api/shortage/catalog?year=2026');
    expect(all.body.items.some((e) => e.grade === 4)).toBe(true);
    for (const grade of [3, 4]) {
      const byGrade = await get<Catalog>(`/api/shortage/catalog?year=2026&grade=${grade}`);
      expect(byGrade.body.items.every((e) => e.grade === grade)).toBe(true);
      expect(byGrade.body.items.length).toBe(all.body.items.filter((e) => e.grade === grade).length);
    }
    const [chain] = await api.database.client.rows<{ cluster: string }>(sql`select cluster_code as cluster from chains where code = 'CH15'`);
    const byCluster = await get<Catalog>(`/api/shortage/catalog?year=2026&cluster=${chain!.cluster}`);
    const inCluster = await api.database.client.rows<{ code: string }>(sql`
      select distinct co.occupation_code as code from chain_occupations co join chains c on c.code = co.chain_code where c.cluster_code = ${chain!.cluster}`);
    const clusterCodes = new Set(inCluster.map((r) => r.code));
    expect(byCluster.body.items.length).toBeGreaterThan(0);
    expect(byCluster.body.items.every((e) => clusterCodes.has(e.occupationCode))).toBe(true);
    expect((await get(`/api/shortage/catalog?chain=CH15&cluster=${chain!.cluster}`)).status).toBe(400);
    const csv = await download('/api/shortage/catalog?year=2026&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('排名,职业编码,职业名称,技能等级,区域,紧缺程度,紧缺指数,求人倍率,岗位需求人数,求职登记人数,空缺中位时长（天）,列入理由,相关产业链');
    expect(lines[1]).toMatch(/^1,6-18-02-04,焊工,高级工,江苏省,紧缺,2\.2,4,8,2,30,/);

    const xlsx = await download('/api/shortage/catalog?year=2026&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('紧缺职业目录');
    expect(sheet?.rowCount).toBe(2);
    expect((sheet?.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['排名', '职业编码', '职业名称', '技能等级']);
    expect((sheet?.getRow(2).values as unknown[]).slice(1, 10)).toEqual([1, WELDER, '焊工', '高级工', '江苏省', '紧缺', 2.2, 4, 8]);
  });

  it('reports the 专栏1 indicators, computing the ones the talent data supports', async () => {
    const { body } = await get<{ items: IndicatorProgress[] }>('/api/indicators');
    expect(body.items).toHaveLength(22);
    const [i01, i02] = body.items;
    // 3 高级工 among 12 talents: 0.0003 万人 and 2500 per 10k.
    expect(i01).toMatchObject({ code: 'I01', source: 'computed', baseline2020: 455, target2025: 530 });
    expect(i01?.currentValue).toBeCloseTo(0.0003, 10);
    expect(i02?.currentValue).toBeCloseTo(2500, 10);
    expect(i02?.progress).toBeCloseTo((2500 - 930) / (1000 - 930), 10);
    expect(body.items.find((i) => i.code === 'I06')).toMatchObject({ source: 'admin-input', currentValue: null, progress: null, note: '待管理员录入' });
  });

  it('forecasts demand with intervals and a back-test against seasonal naive', async () => {
    const { status, body } = await get<Forecast>(`/api/forecast?region=320100&occupation=${WELDER}&horizon=2`);
    expect(status).toBe(200);
    expect(body.history.map((h) => h.vacancies)).toEqual([4, 0, 0, 0, 8]);
    expect(body.items.map((f) => f.quarter)).toEqual(['2026Q4', '2027Q1']);
    // 2026Q4 = 2025Q4 (0) grown: 0; the back-test has one origin (five quarters of history).
    expect(body.items[0]?.vacancies).toBe(0);
    expect(body.backtest.heldOutQuarters).toEqual([]);
    expect(body.backtest.baseline.name).toBe('seasonal-naive');
  });
});

describe(`shortage analytics: bad input and empty filters (${testDriver})`, () => {
  it.each([
    ['/api/shortage/heatmap?quarter=2030Q1', 'quarter'],
    ['/api/shortage/heatmap?quarter=2026Q5', 'quarter'],
    ['/api/shortage/heatmap?chain=CH99', 'chain'],
    ['/api/shortage/heatmap?cluster=C99', 'cluster'],
    ['/api/shortage/heatmap?chain=CH15&cluster=C02', 'cluster'],
    ['/api/shortage/heatmap?occupation=6-99-99-99', 'occupation'],
    ['/api/shortage/heatmap?grade=9', 'grade'],
    ['/api/shortage/heatmap?level=province', 'level'],
    ['/api/shortage/timeseries?region=329999', 'region'],
    ['/api/shortage/catalog?format=pdf', 'format'],
    ['/api/shortage/catalog?year=2019', 'year'],
    ['/api/shortage/catalog?limit=0', 'limit'],
    ['/api/forecast?horizon=20', 'horizon'],
    ['/api/forecast?occupation=welder', 'occupation'],
  ])('%s → 400 naming %s', async (url, field) => {
    const { status, body } = await get<{ error: { code: string; message: string } }>(url);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toContain(field);
  });

  it('answers a filter with no data with zeros and says so', async () => {
    const { status, body } = await get<Heatmap>('/api/shortage/heatmap?level=city&quarter=2026Q3&occupation=4-04-05-05');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(13);
    expect(body.items.every((i) => i.vacancies === 0 && i.seekers === 0 && i.ratio === 0)).toBe(true);
    expect(body.note).toContain('没有数据');
    const series = await get<Timeseries>('/api/shortage/timeseries?region=320300');
    expect(series.body.items).toHaveLength(5);
    expect(series.body.items.every((p) => p.vacancies === 0)).toBe(true);
    expect(series.body.note).toContain('没有数据');
  });
});
