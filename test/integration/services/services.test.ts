import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ANONYMOUS, ForbiddenError, InvalidInputError, NotFoundError, UnauthenticatedError, type ViewerContext } from '@talentmap/core';
import { DatasetRepository, InstitutionRepository, MapRepository, ReferenceRepository } from '@talentmap/db';
import { DatasetService } from '@talentmap/server/services/dataset';
import { InstitutionService } from '@talentmap/server/services/institution';
import { MapService } from '@talentmap/server/services/map';
import { MatchService } from '@talentmap/server/services/match';
import { ReferenceService } from '@talentmap/server/services/reference';
import { createTestDatabase, testDriver, TEST_PII_KEYS, TEST_TALENTS, type TestDatabase } from '../../support/database.js';

/**
 * "Medium" tests: each service over its real repositories on a real seeded database, called
 * directly (no HTTP), so a domain rule fails here before it fails behind a route.
 */
let database: TestDatabase;
let match: MatchService;

const admin: ViewerContext = { role: 'admin', scope: { kind: 'none' } };
// Each planner its own account: pseudonyms are made per account.
const planner = (regionCode: string): ViewerContext => ({ role: 'planner', accountId: Number(regionCode), scope: { kind: 'region', regionCode } });
const province = planner('320000');
let reference: ReferenceService;

beforeAll(async () => {
  database = await createTestDatabase();
  match = await MatchService.create(database.client, TEST_PII_KEYS);
  reference = new ReferenceService(new ReferenceRepository(database.client));
});
afterAll(async () => database?.dispose());

/** The error a call throws, so a test can check its class and the field it names. */
async function failure(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

describe(`DatasetService on ${testDriver}`, () => {
  it('labels the seeded demo dataset synthetic', async () => {
    const service = new DatasetService(new DatasetRepository(database.client));
    expect(await service.kind()).toBe('synthetic-demo');
    expect(await service.isSynthetic()).toBe(true);
  });
});

describe(`ReferenceService on ${testDriver}`, () => {
  it('builds a region collection once and rejects an unknown parent, naming the field', async () => {
    const districts = await reference.regions('district', '320500');
    expect(districts.features.length).toBeGreaterThan(0);
    expect(districts.features.every((f) => f.properties.parentCode === '320500')).toBe(true);
    expect(await reference.regions('district', '320500')).toBe(districts);
    const err = await failure(() => reference.regions('district', '999999'));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).field).toBe('parent');
  });

  it("searches a chain's occupations and rejects an unknown chain or cluster", async () => {
    const [chain] = await reference.chains({});
    const inChain = await reference.searchOccupations({ chain: chain?.code, limit: 100, offset: 0 });
    const all = await reference.searchOccupations({ limit: 100, offset: 0 });
    expect(inChain.total).toBeGreaterThan(0);
    expect(inChain.total).toBeLessThan(all.total);
    expect(((await failure(() => reference.searchOccupations({ chain: 'NOPE', limit: 10, offset: 0 }))) as InvalidInputError).field).toBe('chain');
    expect(((await failure(() => reference.assertGroups({ cluster: 'NOPE' }))) as InvalidInputError).field).toBe('cluster');
  });
});

describe(`MapService on ${testDriver}`, () => {
  it('counts every talent into hexagons: exactly for a provincial planner, protected for anyone else', async () => {
    const service = new MapService(new MapRepository(database.client), reference, match);
    const exact = await service.talentDensity({ cellKm: 10 }, province);
    expect(exact.disclosure).toBe('exact');
    expect(exact.total).toBe(TEST_TALENTS);
    expect(exact.features.some((f) => (f.properties.count ?? 0) % 5 !== 0)).toBe(true);
    const shown = await service.talentDensity({ cellKm: 10 }, ANONYMOUS);
    expect(shown.disclosure).toBe('protected');
    const counts = shown.features.map((f) => f.properties.count);
    expect(counts.filter((c) => c !== null).length).toBeGreaterThan(0);
    expect(counts.every((c) => c === null || (c >= 5 && c % 5 === 0))).toBe(true);
    expect(shown.total).toBe(Math.round(TEST_TALENTS / 5) * 5);
  });

  it('rejects an unknown occupation as invalid input naming occupationCode', async () => {
    const service = new MapService(new MapRepository(database.client), reference, match);
    expect(await failure(() => service.talentDensity({ cellKm: 10, occupation: '9-99-99-99' }, ANONYMOUS))).toBeInstanceOf(InvalidInputError);
  });
});

describe(`InstitutionService on ${testDriver}`, () => {
  const service = () => new InstitutionService(new InstitutionRepository(database.client), match);

  it('computes each program fit from its parts with the published weights', async () => {
    const [row] = await database.client.rows<{ id: number }>(sql`select institution_id as id from programs group by 1 order by count(*) desc, 1 limit 1`);
    const fit = await service().fit(Number(row?.id), admin);
    expect(fit.programs.length).toBeGreaterThan(0);
    for (const p of fit.programs) expect(p.fit).toBeCloseTo(0.4 * p.parts.shortage + 0.3 * p.parts.chainDemand + 0.3 * p.parts.skillAlignment, 2);
    expect(fit.averageFit).toBeCloseTo(fit.programs.reduce((s, p) => s + p.fit, 0) / fit.programs.length, 2);
  });

  it('answers not found for an unknown institution and invalid input for an unknown region', async () => {
    expect(await failure(() => service().fit(99_999_999, admin))).toBeInstanceOf(NotFoundError);
    const err = await failure(() => service().list({ region: '999999', limit: 10 }));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).field).toBe('region');
  });
});

describe(`MatchService on ${testDriver}`, () => {
  it('throws domain errors naming the field, never HTTP errors', async () => {
    const unknownOccupation = await failure(() =>
      match.candidates({ occupationCode: '9-99-99-99', limit: 10, availableOnly: false, strategy: 'hnsw' }, province),
    );
    expect(unknownOccupation).toBeInstanceOf(InvalidInputError);
    expect((unknownOccupation as InvalidInputError).field).toBe('occupationCode');
    expect(((await failure(() => match.resolveSkillNames(['不存在的技能'], 'skills'))) as InvalidInputError).field).toBe('skills');
    expect(await failure(() => match.pathways(`P${'A'.repeat(26)}`, province))).toBeInstanceOf(NotFoundError);
  });
});

describe(`scope rules on ${testDriver}`, () => {
  const suzhou = planner('320500');
  const welders = { occupationCode: '6-18-02-04', limit: 10, availableOnly: false, strategy: 'exact' as const };
  const talentIn = async (city: string) =>
    Number(
      (
        await database.client.rows<{ id: number }>(sql`
      select t.id from talents t join regions r on r.code = t.region_code where r.parent_code = ${city} order by t.id limit 1`)
      )[0]!.id,
    );

  it("keeps a city planner's candidate search inside its city", async () => {
    const own = await match.candidates(welders, suzhou);
    expect(own.results.length).toBeGreaterThan(0);
    expect(own.results.every((r) => r.regionCode.startsWith('3205'))).toBe(true);
    expect(await failure(() => match.candidates({ ...welders, regionCode: '320100' }, suzhou))).toBeInstanceOf(ForbiddenError);
    expect(await failure(() => match.candidates({ ...welders, regionCode: '320000' }, suzhou))).toBeInstanceOf(ForbiddenError);
    // 南京 新街口 lies outside 苏州; 苏州 观前街 inside.
    expect(await failure(() => match.candidates({ ...welders, near: { lng: 118.78, lat: 32.04, radiusKm: 30 } }, suzhou))).toBeInstanceOf(ForbiddenError);
    const near = await match.candidates({ ...welders, near: { lng: 120.62, lat: 31.31, radiusKm: 200 } }, suzhou);
    expect(near.results.every((r) => r.regionCode.startsWith('3205'))).toBe(true);
    expect((await match.candidates({ ...welders, regionCode: '320100' }, province)).results.length).toBeGreaterThan(0);
  });

  it("hides an institution's fit from other institutions and from planners of other cities (not found, not forbidden)", async () => {
    const service = new InstitutionService(new InstitutionRepository(database.client), match);
    const [inst] = await database.client.rows<{ id: number; city: string }>(sql`
      select i.id, r.parent_code as city from institutions i join regions r on r.code = i.region_code
      where exists (select 1 from programs p where p.institution_id = i.id) order by i.id limit 1`);
    const id = Number(inst!.id);
    const other = inst!.city === '320100' ? '320200' : '320100';
    expect((await service.fit(id, { role: 'institution', scope: { kind: 'institution', institutionId: id } })).institution.id).toBe(id);
    expect((await service.fit(id, planner(inst!.city))).institution.id).toBe(id);
    expect(await failure(() => service.fit(id, { role: 'institution', scope: { kind: 'institution', institutionId: id + 1 } }))).toBeInstanceOf(NotFoundError);
    expect(await failure(() => service.fit(id, planner(other)))).toBeInstanceOf(NotFoundError);
  });

  it("answers one talent's gap and pathways to planners of its region and to enterprises only", async () => {
    const id = await talentIn('320500');
    const enterprise: ViewerContext = { role: 'enterprise', accountId: 900, scope: { kind: 'enterprise', enterpriseId: 1 } };
    const nanjing = planner('320100');
    const gapFor = (viewer: ViewerContext) => ({ talentId: match.pseudonymFor(id, viewer), occupationCode: '6-18-02-04', limit: 3 });
    expect((await match.programs(gapFor(suzhou), suzhou)).gap).toBeDefined();
    expect((await match.programs(gapFor(enterprise), enterprise)).gap).toBeDefined();
    expect(await failure(() => match.programs(gapFor(suzhou), ANONYMOUS))).toBeInstanceOf(UnauthenticatedError);
    expect(await failure(() => match.programs(gapFor(suzhou), admin))).toBeInstanceOf(ForbiddenError);
    expect(await failure(() => match.programs(gapFor(nanjing), nanjing))).toBeInstanceOf(NotFoundError);
    // A pseudonym works for the viewer it was issued to only.
    expect(await failure(() => match.programs(gapFor(enterprise), suzhou))).toBeInstanceOf(NotFoundError);
    expect((await match.programs({ occupationCode: '6-18-02-04', limit: 3 }, ANONYMOUS)).results.length).toBeGreaterThan(0);
    const own = match.pseudonymFor(id, suzhou);
    expect((await match.pathways(own, suzhou)).talentId).toBe(own);
    expect(await failure(() => match.pathways(match.pseudonymFor(id, nanjing), nanjing))).toBeInstanceOf(NotFoundError);
  });
});
