import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { protectCount, type EnterprisePoints, type InstitutionFit, type TalentDensity } from '@talentmap/core';
import { testDriver, TEST_TALENTS } from '../support/database.js';
import { useApi } from '../support/api.js';

const api = useApi();

const get = <T>(url: string) => api.get<T>(url);

describe(`map layers on ${testDriver}`, () => {
  it('aggregates talents into hexagons, suppressing those under 5', async () => {
    const { status, body } = await get<TalentDensity>('/api/map/talents?cellKm=10');
    expect(status).toBe(200);
    expect(body.total).toBe(TEST_TALENTS);
    expect(body.synthetic).toBe(true);
    const shown = body.features.filter((f) => !f.properties.suppressed);
    expect(shown.length).toBeGreaterThan(10);
    for (const f of shown) expect(f.properties.count).toBeGreaterThanOrEqual(5);
    const suppressed = body.features.filter((f) => f.properties.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const f of suppressed) expect(f.properties.count).toBeNull();
    // Every hexagon is a closed ring; the shown counts never exceed the total.
    for (const f of body.features) expect(f.geometry.coordinates[0]?.[0]).toEqual(f.geometry.coordinates[0]?.at(-1));
    expect(shown.reduce((s, f) => s + (f.properties.count ?? 0), 0)).toBeLessThanOrEqual(TEST_TALENTS);
  });

  it('filters density by occupation and grade, and rejects bad parameters', async () => {
    const welders = await get<TalentDensity>('/api/map/talents?cellKm=20&occupation=6-18-02-04&minGrade=4');
    const [row] = await api.database.client.rows<{ n: number }>(
      sql`select count(*)::int as n from talents where occupation_code = '6-18-02-04' and grade >= 4`,
    );
    // Anonymous: the total is published under protected disclosure, rounded from the true count.
    expect(welders.body.disclosure).toBe('protected');
    expect(welders.body.total).toBe(protectCount(row?.n as number));
    // The provincial planner sees the true count.
    const exact = await api.as('planner').get<TalentDensity>('/api/map/talents?cellKm=20&occupation=6-18-02-04&minGrade=4');
    expect(exact.body.disclosure).toBe('exact');
    expect(exact.body.total).toBe(row?.n);
    expect((await get('/api/map/talents?cellKm=1')).status).toBe(400);
    expect((await get('/api/map/talents?occupation=9-99-99-99')).status).toBe(400);
  });

  it('serves enterprises as points with their chain, filterable by chain', async () => {
    const all = await get<EnterprisePoints>('/api/map/enterprises');
    const [row] = await api.database.client.rows<{ n: number }>(sql`select count(*)::int as n from enterprises`);
    expect(all.body.features).toHaveLength(row?.n as number);
    const chain = all.body.features[0]?.properties.chainCode as string;
    const one = await get<EnterprisePoints>(`/api/map/enterprises?chain=${chain}`);
    expect(one.body.features.length).toBeGreaterThan(0);
    expect(one.body.features.every((f) => f.properties.chainCode === chain)).toBe(true);
    expect((await get('/api/map/enterprises?chain=NOPE')).status).toBe(400);
  });
});

describe(`institutions on ${testDriver}`, () => {
  it('lists institutions by city', async () => {
    const { body } = await get<{ items: { cityCode: string; programCount: number }[]; total: number }>('/api/institutions?region=320500');
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((i) => i.cityCode === '320500')).toBe(true);
    expect((await get('/api/institutions?region=999999')).status).toBe(400);
  });

  it('scores each program’s fit with local industry and recommends courses with near-match talents by district', async () => {
    const [inst] = await api.database.client.rows<{ id: number }>(sql`
      select institution_id as id from programs group by 1 order by count(*) desc, 1 limit 1`);
    const planner = api.as('planner');
    const { status, body } = await planner.get<InstitutionFit>(`/api/institutions/${inst!.id}/fit`);
    expect(status).toBe(200);
    expect(body.programs.length).toBeGreaterThan(0);
    for (const p of body.programs) {
      expect(p.fit).toBeGreaterThanOrEqual(0);
      expect(p.fit).toBeLessThanOrEqual(1);
      expect(p.fit).toBeCloseTo(0.4 * p.parts.shortage + 0.3 * p.parts.chainDemand + 0.3 * p.parts.skillAlignment, 2);
    }
    const fits = body.programs.map((p) => p.fit);
    expect(fits).toEqual([...fits].sort((a, b) => b - a));
    const offered = new Set(body.programs.map((p) => p.occupation.code));
    expect(body.recommendations.length).toBeGreaterThan(0);
    for (const r of body.recommendations) expect(offered.has(r.occupation.code)).toBe(false);
    const priorities = body.recommendations.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    // A provincial planner sees the counts exactly (privacy-aggregates.test.ts: what others see).
    expect(body.disclosure).toBe('exact');
    const districtCounts = body.nearMatchByDistrict.flatMap((n) => n.districts);
    expect(districtCounts.length).toBeGreaterThan(0);
    for (const d of districtCounts) expect(d.count).toBeGreaterThan(0);
    for (const r of body.recommendations)
      expect(r.nearMatchTalents).toBe(
        body.nearMatchByDistrict.find((n) => n.occupationCode === r.occupation.code)?.districts.reduce((a, d) => a + (d.count ?? 0), 0),
      );
    expect((await planner.get('/api/institutions/99999999/fit')).status).toBe(404);
    expect((await planner.get('/api/institutions/abc/fit')).status).toBe(400);
    expect((await get(`/api/institutions/${inst!.id}/fit`)).status).toBe(401);
  });
});
