import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DISTANCE_BANDS, type CandidatesResponse, type ProgramMatch } from '@talentmap/core';
import { hashPassword } from '@talentmap/core/password';
import { AccountRepository } from '@talentmap/db';
import { distanceKm, talentCell } from '@talentmap/geo';
import { DISTANCE_BAND_FIT } from '@talentmap/matcher';
import { DEMO_PASSWORD_FOR_TESTS, testDriver } from '../support/database.js';
import { useApi } from '../support/api.js';

/**
 * The attacks the accounts issue found, replayed: trilaterating a talent from `distanceKm`,
 * bisecting `radiusKm`, reading the willing radius off `breakdown.distance`, locating a talent from
 * its programs' distances, and enumerating or sharing pseudonyms. Each test fails if the leak returns.
 */
const api = useApi();
const enterprise = api.as('enterprise-demo');
const otherEnterprise = api.as('enterprise-privacy-other');
const planner = api.as('planner');
const welders = { occupationCode: '6-18-02-04', limit: 50 };

beforeAll(async () => {
  const { client } = api.database;
  const [other] = await client.rows<{ id: number }>(sql`
    select min(id)::int as id from enterprises where id <> (select enterprise_id from accounts where username = 'enterprise-demo')`);
  await new AccountRepository(client).create({
    username: 'enterprise-privacy-other',
    passwordHash: await hashPassword(DEMO_PASSWORD_FOR_TESTS),
    role: 'enterprise',
    enterpriseId: Number(other!.id),
  });
});

/** The band parts the score may show: each band's fit, or half of it beyond the willing radius, or 1 without a centre. */
const STEP_VALUES = new Set([1, ...Object.values(DISTANCE_BAND_FIT).flatMap((fit) => [fit, Math.round((fit / 2) * 1000) / 1000])]);

describe(`where a talent lives, under attack, on ${testDriver}`, () => {
  it('stores nothing finer than the ~2.5 km grid cell', async () => {
    const rows = await api.database.client.rows<{ lng: number; lat: number }>(sql`select lng, lat from talents`);
    expect(rows.length).toBeGreaterThan(1000);
    for (const { lng, lat } of rows) expect(talentCell([lng, lat])).toEqual([lng, lat]);
  });

  it('answers trilateration from several centres with bands only, and the score with step values only', async () => {
    const centres = [
      { lng: 120.62, lat: 31.3 },
      { lng: 120.7, lat: 31.32 },
      { lng: 120.58, lat: 31.38 },
    ];
    let seen = 0;
    for (const centre of centres) {
      const { status, body, raw } = await enterprise.post<CandidatesResponse>('/api/match/candidates', { ...welders, near: { ...centre, radiusKm: 40 } });
      expect(status).toBe(200);
      expect(raw).not.toMatch(/distanceKm|willingRadius|"lng"|"lat"/);
      for (const r of body.results) {
        expect(DISTANCE_BANDS).toContain(r.distanceBand);
        expect(STEP_VALUES.has(r.breakdown.distance), `breakdown.distance ${r.breakdown.distance}`).toBe(true);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it('gives the same answer wherever the centre sits relative to a cell as long as the band is the same', async () => {
    // Sliding the centre by 200 m moves no talent out of the 20-50 band unless its cell centre
    // crosses a band edge: the answer depends on cells, not on homes.
    const a = await enterprise.post<CandidatesResponse>('/api/match/candidates', { ...welders, near: { lng: 120.62, lat: 31.3, radiusKm: 50 } });
    const b = await enterprise.post<CandidatesResponse>('/api/match/candidates', { ...welders, near: { lng: 120.622, lat: 31.3, radiusKm: 50 } });
    const bandsA = new Map(a.body.results.map((r) => [r.talentId, r.distanceBand]));
    const same = b.body.results.filter((r) => bandsA.get(r.talentId) === r.distanceBand).length;
    expect(same).toBeGreaterThan(b.body.results.length * 0.8);
  });

  it('refuses fractional radii, the tool of bisection', async () => {
    const res = await enterprise.post<{ error: { code: string } }>('/api/match/candidates', { ...welders, near: { lng: 120.62, lat: 31.3, radiusKm: 30.5 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });

  it("measures one talent's programs from its district's centre, not from where it lives", async () => {
    const { body: found } = await enterprise.post<CandidatesResponse>('/api/match/candidates', welders);
    const candidate = found.results[0]!;
    const res = await enterprise.post<{ results: ProgramMatch[] }>('/api/match/programs', {
      talentId: candidate.talentId,
      occupationCode: '6-31-01-03',
      limit: 10,
    });
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
    const [district] = await api.database.client.rows<{ lng: number; lat: number }>(sql`
      select centroid_lng as lng, centroid_lat as lat from regions where code = ${candidate.regionCode}`);
    for (const p of res.body.results) {
      const [institution] = await api.database.client.rows<{ lng: number; lat: number }>(sql`
        select i.lng, i.lat from programs p join institutions i on i.id = p.institution_id where p.id = ${p.programId}`);
      const fromDistrict = distanceKm([district!.lng, district!.lat], [institution!.lng, institution!.lat]);
      expect(p.distanceKm).toBeCloseTo(fromDistrict, 0);
    }
  });
});

describe(`pseudonyms, under attack, on ${testDriver}`, () => {
  it('differ between enterprises for the same talents, and work only for the viewer they were issued to', async () => {
    const mine = (await enterprise.post<CandidatesResponse>('/api/match/candidates', welders)).body.results;
    const theirs = (await otherEnterprise.post<CandidatesResponse>('/api/match/candidates', welders)).body.results;
    expect(mine.length).toBeGreaterThan(10);
    // The same search finds the same people: the scores line up, the ids share nothing.
    expect(mine.map((r) => r.score)).toEqual(theirs.map((r) => r.score));
    const theirIds = new Set(theirs.map((r) => r.talentId));
    expect(mine.filter((r) => theirIds.has(r.talentId))).toEqual([]);

    const gap = (talentId: string) => ({ talentId, occupationCode: '6-31-01-03', limit: 3 });
    const id = mine[0]!.talentId;
    expect((await enterprise.post('/api/match/programs', gap(id))).status).toBe(200);
    expect((await otherEnterprise.post('/api/match/programs', gap(id))).status).toBe(404);
    expect((await planner.post('/api/match/programs', gap(id))).status).toBe(404);
    expect((await planner.get(`/api/talents/${id}/pathways`)).status).toBe(404);
  });

  it('cannot be guessed: well-formed random ids and neighbours of a real one are all 404', async () => {
    const mine = (await enterprise.post<CandidatesResponse>('/api/match/candidates', welders)).body.results;
    const real = mine[0]!.talentId;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const guesses = Array.from({ length: 40 }, (_, i) =>
      i < 20
        ? `P${Array.from({ length: 26 }, (_, j) => alphabet[(i * 7 + j * 13) % 32]).join('')}`
        : `${real.slice(0, 5 + (i % 20))}${alphabet[(alphabet.indexOf(real[5 + (i % 20)]!) + 1) % 32]}${real.slice(6 + (i % 20))}`,
    );
    for (const guess of guesses) {
      expect(guess).toMatch(/^P[A-Z2-7]{26}$/);
      const res = await enterprise.post('/api/match/programs', { talentId: guess, occupationCode: '6-31-01-03', limit: 1 });
      expect(res.status, guess).toBe(404);
    }
  });
});
