import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ALL_GRADES, ALL_OCCUPATIONS, PROVINCE_CODE, shortageSliceSchema, type Catalog, type Forecast, type Heatmap, type Timeseries } from '@talentmap/core';
import { buildShortageSlices } from '@talentmap/analytics';
import { ShortageRepository } from '@talentmap/db';
import { refreshShortageRollups } from '@talentmap/seed';
import { testDriver } from '../support/database.js';
import { useApi } from '../support/api.js';

/** The shortage API over the seeded demo dataset: the rollups must agree with the raw tables (as a provincial planner sees them: exactly). */
const api = useApi();
const planner = api.as('planner');

const get = async <T>(url: string) => {
  const res = await planner.get<T>(url);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body;
};

describe(`shortage analytics over the demo data (${testDriver})`, () => {
  it('rolls up after the seed: the heatmap totals equal the raw vacancies and registrations', async () => {
    const heatmap = await get<Heatmap>('/api/shortage/heatmap?level=district');
    expect(heatmap.quarter).toBe('2026Q3');
    expect(heatmap.synthetic).toBe(true);
    const [raw] = await api.database.client.rows<{ vacancies: number; seekers: number }>(sql`select
      (select coalesce(sum(headcount), 0)::int from vacancies where posted_on between '2026-07-01' and '2026-09-30') as vacancies,
      (select count(*)::int from job_seekers where registered_on between '2026-07-01' and '2026-09-30') as seekers`);
    expect(raw?.vacancies).toBeGreaterThan(0);
    const sum = (key: 'vacancies' | 'seekers') => heatmap.items.reduce((a, i) => a + (i[key] ?? Number.NaN), 0);
    expect(sum('vacancies')).toBe(raw?.vacancies);
    expect(sum('seekers')).toBe(raw?.seekers);
    expect(heatmap.items.some((i) => i.score !== null && i.topOccupations.length > 0)).toBe(true);
    const cities = await get<Heatmap>('/api/shortage/heatmap?level=city');
    expect(cities.items.reduce((a, i) => a + i.vacancies, 0)).toBe(raw?.vacancies);
  });

  it('serves eight quarters of the province with growth from the second year on', async () => {
    const series = await get<Timeseries>('/api/shortage/timeseries');
    expect(series.items).toHaveLength(8);
    expect(series.items.slice(0, 4).every((p) => p.demandGrowth === null)).toBe(true);
    expect(series.items.slice(4).every((p) => p.demandGrowth !== null && p.medianDays !== null)).toBe(true);
    const chain = await get<Timeseries>('/api/shortage/timeseries?chain=CH01');
    expect(chain.items.some((p) => p.vacancies > 0)).toBe(true);
    expect(chain.note).toBeDefined();
  });

  it('ranks the catalogue by status and score', async () => {
    const catalog = await get<Catalog>('/api/shortage/catalog?limit=20');
    expect(catalog.year).toBe('2026');
    // At least two entries, so that there is an order to check.
    expect(catalog.items.length).toBeGreaterThan(1);
    for (const [a, b] of catalog.items.slice(1).map((e, i) => [catalog.items[i]!, e] as const)) {
      if (a.status === b.status) expect(a.score).toBeGreaterThanOrEqual(b.score);
      else expect(a.status).toBe('bottleneck');
    }
    expect(catalog.items.every((e) => e.vacancies >= catalog.rule.minVacancies && e.reasons.length > 0)).toBe(true);
  });

  it('back-tests the province forecast against seasonal naive', async () => {
    const forecast = await get<Forecast>('/api/forecast?horizon=4');
    expect(forecast.items).toHaveLength(4);
    expect(forecast.backtest.forecasts).toBe(6);
    expect(forecast.backtest.model.mape).not.toBeNull();
    expect(forecast.backtest.baseline.mape).not.toBeNull();
    for (const f of forecast.items) expect(f.lower95 <= f.lower80 && f.lower80 <= f.vacancies && f.vacancies <= f.upper80 && f.upper80 <= f.upper95).toBe(true);
  });

  it('reads the slices back exactly as analytics built them from the facts', async () => {
    const repo = new ShortageRepository(api.database.client);
    const [cells, durations, supply, training] = await Promise.all([repo.cellFacts(), repo.durationFacts(), repo.supplyFacts(), repo.trainingFacts()]);
    const built = buildShortageSlices({ provinceCode: PROVINCE_CODE, cells, durations, supply, training }).filter(
      (s) => s.regionCode === PROVINCE_CODE && s.occupationCode === ALL_OCCUPATIONS && s.grade === ALL_GRADES && s.period.includes('Q'),
    );
    const stored = await repo.series(PROVINCE_CODE, undefined);
    expect(stored).toHaveLength(8);
    expect(stored.map((s) => shortageSliceSchema.strict().parse(s))).toEqual(stored);
    expect(stored).toEqual(built.sort((a, b) => a.period.localeCompare(b.period)));
  });

  it('keeps serving the previous rollups while a refresh runs', async () => {
    const count = async () => (await api.database.client.rows<{ n: number }>(sql`select count(*)::int as n from shortage_slices`))[0]?.n ?? 0;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    let done = false;
    const refreshing = refreshShortageRollups(api.database.client).finally(() => (done = true));
    const seen: number[] = [];
    while (!done) seen.push(await count());
    await refreshing;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((n) => n > 0)).toBe(true);
    expect(await count()).toBe(before);
  });
});
