import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DISTANCE_BANDS, DISTANCE_BAND_LOWER_KM, distanceBandOf, type CandidatesResponse, type PathwaysResponse, type ProgramMatch } from '@talentmap/core';
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
 *
 * What an attacker can still learn, at best: the talent's 0.025° grid cell (about 2.4 × 2.8 km,
 * @talentmap/geo talentCell), by sliding `near` or bisecting whole-km radii until the band edges
 * pin the cell's centre. Everybody in one cell gives the same answer to every query.
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

/** The distance parts the score may show: each band's fit, or 1 without a centre. */
const STEP_VALUES = new Set([1, ...Object.values(DISTANCE_BAND_FIT)]);

/** A point `eastKm` east and `northKm` north of `at` (near enough on these scales). */
function offset(at: readonly [number, number], eastKm: number, northKm: number): [number, number] {
  return [at[0] + eastKm / (111.32 * Math.cos((at[1] * Math.PI) / 180)), at[1] + northKm / 110.574];
}

/** Searches the sliding and bisecting tests send: every talent within reach, with its band. */
const REACH_KM = 17;
async function bandsAt(centre: readonly [number, number], radiusKm: number): Promise<Map<string, string | null>> {
  const { status, body } = await enterprise.post<CandidatesResponse>('/api/match/candidates', {
    occupationCode: welders.occupationCode,
    near: { lng: centre[0], lat: centre[1], radiusKm },
    limit: 100,
    strategy: 'exact',
  });
  expect(status).toBe(200);
  // Fewer than a page: nobody inside the radius is left out for rank, so presence means distance.
  expect(body.results.length).toBeLessThan(100);
  return new Map(body.results.map((r) => [r.talentId, r.distanceBand]));
}

/**
 * Two talents whose homes fall in one grid cell (grouped by talentCell, so stored points finer
 * than a cell would still be paired here and then told apart below), in the quietest such cell.
 */
async function twoInOneCell(): Promise<{ cell: [number, number]; pseudonyms: string[] }> {
  const rows = await api.database.client.rows<{ id: number; lng: number; lat: number }>(sql`
    select id::int as id, lng, lat from talents where embedding is not null order by id`);
  const points = rows.map((r) => ({ id: Number(r.id), at: [Number(r.lng), Number(r.lat)] as [number, number] }));
  const byCell = new Map<string, { cell: [number, number]; ids: number[] }>();
  for (const p of points) {
    const cell = talentCell(p.at);
    const group = byCell.get(cell.join(',')) ?? { cell, ids: [] };
    group.ids.push(p.id);
    byCell.set(cell.join(','), group);
  }
  const crowd = (cell: [number, number]) => points.filter((p) => distanceKm(p.at, cell) <= REACH_KM).length;
  const [quietest] = [...byCell.values()]
    .filter((g) => g.ids.length >= 2)
    .map((g) => ({ ...g, crowd: crowd(g.cell) }))
    .sort((a, b) => a.crowd - b.crowd || a.ids[0]! - b.ids[0]!);
  expect(quietest, 'two talents in one cell').toBeDefined();
  return { cell: quietest!.cell, pseudonyms: await Promise.all(quietest!.ids.slice(0, 2).map((id) => enterprise.pseudonymOf(id))) };
}

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
        expect(r.breakdown.distance).toBe(DISTANCE_BAND_FIT[r.distanceBand!]);
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

  it('moves a talent between bands only where the centre crosses a band edge measured from its cell, the same for everybody in the cell', async () => {
    const { cell, pseudonyms } = await twoInOneCell();
    const seen = new Set<string>();
    // 3 to 7 km east of the cell centre in 250 m steps: across the 5 km edge.
    for (let step = 0; step <= 16; step++) {
      const centre = offset(cell, 3 + step * 0.25, 0);
      const km = distanceKm(centre, cell);
      const bands = await bandsAt(centre, 8);
      const [a, b] = pseudonyms.map((p) => bands.get(p));
      expect(a, `${km.toFixed(3)} km from the cell centre`).toBe(distanceBandOf(km));
      expect(b).toBe(a);
      seen.add(a as string);
    }
    expect([...seen].sort()).toEqual(['0-5', '5-10']);
  });

  it('lets bisection of whole-km radii converge on the distance to the cell centre, never finer, the same for everybody in the cell', async () => {
    const { cell, pseudonyms } = await twoInOneCell();
    for (const [east, north] of [
      [0, 4.3],
      [5.6, -1.2],
      [-3.1, -3.7],
    ] as const) {
      const centre = offset(cell, east, north);
      const asked = new Map<number, Map<string, string | null>>();
      const present = async (pseudonym: string, radiusKm: number) => {
        if (!asked.has(radiusKm)) asked.set(radiusKm, await bandsAt(centre, radiusKm));
        return asked.get(radiusKm)!.has(pseudonym);
      };
      const bisect = async (pseudonym: string) => {
        let [lo, hi] = [1, 10];
        expect(await present(pseudonym, hi)).toBe(true);
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (await present(pseudonym, mid)) hi = mid;
          else lo = mid + 1;
        }
        return lo;
      };
      const [a, b] = [await bisect(pseudonyms[0]!), await bisect(pseudonyms[1]!)];
      // The smallest radius that admits them is the distance to the cell centre, rounded up.
      expect(a).toBe(Math.ceil(distanceKm(centre, cell)));
      expect(b).toBe(a);
    }
  });

  it('reads nothing of the willing radius off the score', async () => {
    const viewer = await enterprise.viewer();
    const { body } = await enterprise.post<CandidatesResponse>('/api/match/candidates', {
      ...welders,
      limit: 100,
      near: { lng: 120.62, lat: 31.3, radiusKm: 60 },
    });
    const ids = body.results.map((r) => api.app.matchService.talentIdOf(r.talentId, viewer) as number);
    const rows = await api.database.client.rows<{ id: number; radius: number }>(sql`
      select id::int as id, willing_radius_km as radius from talents where id in ${ids}`);
    const willing = new Map(rows.map((r) => [Number(r.id), Number(r.radius)]));
    // Talents in one band on both sides of its lower edge: a score that heeded the willing radius would split them.
    let straddling = 0;
    for (const band of DISTANCE_BANDS) {
      const inBand = body.results.map((r, i) => ({ r, radius: willing.get(ids[i]!)! })).filter(({ r }) => r.distanceBand === band);
      for (const { r } of inBand) expect(r.breakdown.distance).toBe(DISTANCE_BAND_FIT[band]);
      const within = inBand.filter(({ radius }) => radius <= DISTANCE_BAND_LOWER_KM[band]).length;
      if (within > 0 && within < inBand.length) straddling++;
    }
    expect(straddling).toBeGreaterThan(0);
  });

  it('refuses fractional radii, the tool of bisection', async () => {
    const res = await enterprise.post<{ error: { code: string } }>('/api/match/candidates', { ...welders, near: { lng: 120.62, lat: 31.3, radiusKm: 30.5 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });

  it('answers at most 100 candidates at a time', async () => {
    const page = await enterprise.post<CandidatesResponse>('/api/match/candidates', { ...welders, limit: 100 });
    expect(page.status).toBe(200);
    expect(page.body.results.length).toBe(100);
    expect((await enterprise.post('/api/match/candidates', { ...welders, limit: 101 })).status).toBe(400);
  });

  it("measures one talent's programs and pathways from its district's centre, and shows no coordinate or willing radius", async () => {
    const { body: found } = await enterprise.post<CandidatesResponse>('/api/match/candidates', welders);
    const candidate = found.results[0]!;
    const programs = await enterprise.post<{ results: ProgramMatch[] }>('/api/match/programs', {
      talentId: candidate.talentId,
      occupationCode: '6-31-01-03',
      limit: 10,
    });
    // Pathways are the planner's: the same talent under the planner's own pseudonym.
    const id = api.app.matchService.talentIdOf(candidate.talentId, await enterprise.viewer()) as number;
    const pathways = await planner.get<PathwaysResponse>(`/api/talents/${await planner.pseudonymOf(id)}/pathways`);
    expect(programs.status).toBe(200);
    expect(pathways.status).toBe(200);
    const measured = [...programs.body.results, ...pathways.body.pathways.flatMap((p) => p.programs)];
    expect(programs.body.results.length).toBeGreaterThan(0);
    expect(measured.length).toBeGreaterThan(programs.body.results.length);
    for (const answer of [programs.raw, JSON.stringify(pathways.body)]) expect(answer).not.toMatch(/willingRadius|"lng"|"lat"|distanceBand/);
    const [district] = await api.database.client.rows<{ lng: number; lat: number }>(sql`
      select centroid_lng as lng, centroid_lat as lat from regions where code = ${candidate.regionCode}`);
    for (const p of measured) {
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

  it("keep one talent's ids apart every way: each works for its own viewer alone (enterprise, other enterprise, planner)", async () => {
    const { body } = await enterprise.post<CandidatesResponse>('/api/match/candidates', welders);
    const id = api.app.matchService.talentIdOf(body.results[0]!.talentId, await enterprise.viewer()) as number;
    const viewers = { enterprise, otherEnterprise, planner };
    const ids = Object.fromEntries(await Promise.all(Object.entries(viewers).map(async ([name, v]) => [name, await v.pseudonymOf(id)] as const)));
    expect(new Set(Object.values(ids)).size).toBe(3);
    for (const [owner, pseudonym] of Object.entries(ids)) {
      for (const [name, v] of Object.entries(viewers)) {
        const res = await v.post('/api/match/programs', { talentId: pseudonym, occupationCode: '6-31-01-03', limit: 1 });
        expect(res.status, `${owner}'s id as ${name}`).toBe(name === owner ? 200 : 404);
      }
      // Pathways are the planner's alone; another viewer's id is nobody to it.
      expect((await planner.get(`/api/talents/${pseudonym}/pathways`)).status, `${owner}'s id for pathways`).toBe(owner === 'planner' ? 200 : 404);
    }
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
    for (const [i, guess] of guesses.entries()) {
      expect(guess).toMatch(/^P[A-Z2-7]{26}$/);
      const res = await enterprise.post('/api/match/programs', { talentId: guess, occupationCode: '6-31-01-03', limit: 1 });
      expect(res.status, guess).toBe(404);
      if (i % 4 === 0) expect((await planner.get(`/api/talents/${guess}/pathways`)).status, guess).toBe(404);
    }
  });
});
