import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Catalog, Heatmap, InstitutionFit, TalentDensity, Timeseries } from '@talentmap/core';
import { hashPassword } from '@talentmap/core/password';
import { AccountRepository } from '@talentmap/db';
import { DEMO_PASSWORD_FOR_TESTS, testDriver } from '../support/database.js';
import { useApi, type ViewerApi } from '../support/api.js';

/**
 * Counts of people in every aggregate, as each viewer gets them: nobody signed in, an enterprise,
 * an institution and a planner of another city must never see a count of 1–4, directly or as the
 * difference of two answers; a planner sees its own region exactly (checked against SQL, so the
 * protection cannot pass by hiding everything).
 */
const api = useApi();
const protectedViewers: Record<string, () => ViewerApi> = {
  anonymous: () => api,
  enterprise: () => api.as('enterprise-demo'),
  institution: () => api.as('institution-demo'),
  'a 南京 planner about 苏州': () => api.as('planner-aggregates-nanjing'),
};

beforeAll(async () => {
  await new AccountRepository(api.database.client).create({
    username: 'planner-aggregates-nanjing',
    passwordHash: await hashPassword(DEMO_PASSWORD_FOR_TESTS),
    role: 'planner',
    regionCode: '320100',
  });
});

/** Every count of people an answer carries (null = suppressed). */
function peopleCounts(url: string, body: unknown): (number | null)[] {
  if (url.startsWith('/api/map/talents')) {
    const layer = body as TalentDensity;
    return [layer.total, ...layer.features.map((f) => f.properties.count)];
  }
  // The rows about 苏州 (a 南京 planner sees its own city's exactly, as it should).
  if (url.startsWith('/api/shortage/heatmap'))
    return (body as Heatmap).items.filter((i) => i.regionCode.startsWith('3205')).flatMap((i) => [i.seekers, ...i.topOccupations.map((o) => o.seekers)]);
  if (url.startsWith('/api/shortage/timeseries')) return (body as Timeseries).items.map((p) => p.seekers);
  if (url.startsWith('/api/shortage/catalog')) return (body as Catalog).items.map((e) => e.seekers);
  const fit = body as InstitutionFit;
  return [...fit.recommendations.map((r) => r.nearMatchTalents), ...fit.nearMatchByDistrict.flatMap((n) => n.districts.map((d) => d.count))];
}

let suzhouInstitution: number;
beforeAll(async () => {
  const [row] = await api.database.client.rows<{ id: number }>(sql`select institution_id as id from accounts where username = 'institution-demo'`);
  suzhouInstitution = Number(row!.id);
});

/** Aggregates about 苏州 (320500) or its districts, and province-wide ones, with filters that make small cells. */
const urls = () => [
  '/api/map/talents?cellKm=3',
  '/api/map/talents?cellKm=5&minGrade=6',
  '/api/map/talents?cellKm=3&occupation=6-18-02-04',
  '/api/shortage/heatmap?level=district',
  '/api/shortage/heatmap?level=district&grade=5',
  '/api/shortage/heatmap?level=city&occupation=6-18-02-04',
  '/api/shortage/timeseries?region=320506',
  '/api/shortage/timeseries?region=320506&occupation=6-18-02-04',
  '/api/shortage/catalog?region=320506',
  `/api/institutions/${suzhouInstitution}/fit`,
];

describe(`counts of people for viewers outside a planner's region, on ${testDriver}`, () => {
  it.each(Object.keys(protectedViewers))('%s never sees 1–4, and every count it sees is a multiple of 5', async (name) => {
    const viewer = protectedViewers[name]!();
    let seen = 0;
    let suppressed = 0;
    for (const url of urls()) {
      const res = await viewer.get<{ disclosure?: string }>(url);
      if (res.status === 401 || res.status === 403 || res.status === 404) continue; // not this viewer's to see at all
      expect(res.status, url).toBe(200);
      expect(res.body.disclosure, url).toBe('protected');
      for (const n of peopleCounts(url, res.body)) {
        if (n === null) suppressed++;
        else {
          expect(n % 5, `${url}: ${n}`).toBe(0);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect(suppressed).toBeGreaterThan(0);
  });

  it('cannot recover a small count by subtraction: a total minus its cells, or a filter minus a narrower one', async () => {
    const layer = (await api.get<TalentDensity>('/api/map/talents?cellKm=3')).body;
    const shown = layer.features.reduce((a, f) => a + (f.properties.count ?? 0), 0);
    const gap = (layer.total ?? 0) - shown;
    expect(gap < 1 || gap > 4 || gap % 5 === 0).toBe(true);
    // Where exactly one cell is suppressed, a second is too (complementary suppression).
    expect(layer.features.filter((f) => f.properties.count === null).length).not.toBe(1);

    const all = (await api.get<Heatmap>('/api/shortage/heatmap?level=district')).body;
    const senior = (await api.get<Heatmap>('/api/shortage/heatmap?level=district&grade=5')).body;
    const seniorBy = new Map(senior.items.map((i) => [i.regionCode, i.seekers]));
    let compared = 0;
    for (const i of all.items) {
      const narrower = seniorBy.get(i.regionCode);
      if (i.seekers === null || narrower === null || narrower === undefined) continue;
      const difference = Math.abs(i.seekers - narrower);
      expect(difference < 1 || difference > 4).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('derives the ratio from the published seekers, so it does not give the true count away', async () => {
    const { body } = await api.get<Heatmap>('/api/shortage/heatmap?level=district');
    for (const i of body.items) {
      if (i.seekers === null) expect(i.ratio).toBeNull();
      else if (i.vacancies > 0) expect(i.ratio).toBeCloseTo(i.vacancies / Math.max(i.seekers, 1), 1);
    }
  });
});

describe(`a planner inside its region, on ${testDriver}`, () => {
  it('sees the exact seekers of its districts, equal to the rollup, beside protected rows elsewhere', async () => {
    const suzhou = api.as('planner-suzhou');
    const { status, body } = await suzhou.get<Heatmap>('/api/shortage/heatmap?level=district');
    expect(status).toBe(200);
    expect(body.disclosure).toBe('protected'); // the rows outside 苏州 are
    const exact = await api.database.client.rows<{ region_code: string; seekers: number }>(sql`
      select region_code, seekers from shortage_slices
      where period = ${body.quarter} and level = 'district' and occupation_code = '*' and grade = 0 and region_code like '3205%'`);
    expect(exact.length).toBeGreaterThan(3);
    const shown = new Map(body.items.map((i) => [i.regionCode, i.seekers]));
    for (const row of exact) expect(shown.get(row.region_code)).toBe(row.seekers);
    expect(exact.some((row) => row.seekers % 5 !== 0)).toBe(true);
  });

  it('sees the map exactly as a provincial planner, and the same layer protected as a city planner', async () => {
    const [{ n } = { n: 0 }] = await api.database.client.rows<{ n: number }>(sql`select count(*)::int as n from talents`);
    const province = (await api.as('planner').get<TalentDensity>('/api/map/talents?cellKm=10')).body;
    expect(province.disclosure).toBe('exact');
    expect(province.total).toBe(n);
    const city = (await api.as('planner-suzhou').get<TalentDensity>('/api/map/talents?cellKm=10')).body;
    expect(city.disclosure).toBe('protected');
  });
});
