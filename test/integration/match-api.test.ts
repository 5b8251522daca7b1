import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CandidatesResponse, ClassifyResponse, PathwaysResponse } from '@talentmap/core';
import { decryptField } from '@talentmap/core/pii';
import { MatchRepository } from '@talentmap/db';
import { scoreCandidate } from '@talentmap/matcher';
import { TEST_PII_KEYS, testDriver } from '../support/database.js';
import { useApi } from '../support/api.js';

const api = useApi();

const post = <T>(url: string, body: unknown) => api.post<T>(url, body);
/** Candidates, pathways and one talent's gap need a signed-in planner or enterprise. */
const planner = api.as('planner');
/** Well-formed, but issued to nobody. */
const UNKNOWN_TALENT = `P${'A'.repeat(26)}`;
type ApiError = { error: { code: string; message: string } };

describe(`classification on ${testDriver}`, () => {
  it('reads advert language where the official name is absent', async () => {
    const weld = await post<ClassifyResponse>('/api/occupations/classify', { text: '招聘二保焊技工 月薪8-12K\n会看图纸，有焊工证，包吃住' });
    expect(weld.status).toBe(200);
    expect(weld.body.results[0]).toMatchObject({ code: '6-18-02-04', name: '焊工' });
    expect(weld.body.results.length).toBeLessThanOrEqual(5);
    expect(weld.body.recognizedSkills.map((s) => s.name)).toContain('熔化极气体保护焊');
    const rider = await post<ClassifyResponse>('/api/occupations/classify', { text: '急招外卖骑手 日结 多劳多得' });
    expect(rider.body.results[0]?.name).toBe('网约配送员');
  });

  it('returns an empty result with a reason for text without skills', async () => {
    const { status, body } = await post<ClassifyResponse>('/api/occupations/classify', { text: '今天天气很好，我们去公园散步' });
    expect(status).toBe(200);
    expect(body.results).toEqual([]);
    expect(body.reason).toMatch(/no recognisable skill/);
  });

  it('rejects empty, oversized and malformed input with a 400 naming the field', async () => {
    const empty = await post<ApiError>('/api/occupations/classify', { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('text');
    const big = await post<ApiError>('/api/occupations/classify', { text: '焊'.repeat(20_001) });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toContain('text');
    const malformed = await api.app.inject({
      method: 'POST',
      url: '/api/occupations/classify',
      headers: { 'content-type': 'application/json' },
      payload: '{"text": "焊工',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toContain('body');
  });
});

describe(`talent for a vacancy on ${testDriver}`, () => {
  it('answers 401 to nobody signed in', async () => {
    const res = await post<ApiError>('/api/match/candidates', { occupationCode: '6-18-02-04', limit: 10 });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('ranks pseudonymous, explained candidates that pass the filters', async () => {
    const { status, body, raw } = await planner.post<CandidatesResponse>('/api/match/candidates', { occupationCode: '6-18-02-04', minGrade: 3, limit: 10 });
    expect(status).toBe(200);
    expect(body.synthetic).toBe(true);
    expect(body.results).toHaveLength(10);
    expect(body.query.occupation?.name).toBe('焊工');
    const scores = body.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const r of body.results) {
      expect(r.talentId).toMatch(/^P[A-Z2-7]{26}$/);
      expect(r.grade).toBeGreaterThanOrEqual(3);
      expect(r.regionCode).toMatch(/^32\d{4}$/);
      expect(Object.keys(r.breakdown).sort()).toEqual(['availability', 'coverage', 'distance', 'grade', 'similarity']);
      expect(r.matchedSkills.length + r.missingSkills.length).toBeGreaterThan(0);
      for (const key of ['fullName', 'phone', 'idNumber', 'name', 'lng', 'lat', 'distanceKm', 'willingRadiusKm']) expect(r).not.toHaveProperty(key);
    }
    // None of the returned talents' personal fields appears anywhere in the response.
    const ids = await Promise.all(body.results.map(async (r) => api.app.matchService.talentIdOf(r.talentId, await planner.viewer())));
    expect(ids.every((id) => id !== null)).toBe(true);
    const identities = await api.database.client.rows<{ talent_id: number; full_name_sealed: Buffer; phone_sealed: Buffer; id_number_sealed: Buffer }>(sql`
      select talent_id, full_name_sealed, phone_sealed, id_number_sealed from talent_identities where talent_id in ${ids}`);
    expect(identities).toHaveLength(10);
    for (const i of identities) {
      const open = (sealed: Buffer, column: string) => decryptField(TEST_PII_KEYS, Buffer.from(sealed), `talent:${i.talent_id}:${column}`);
      expect(raw).not.toContain(open(i.phone_sealed, 'phone'));
      expect(raw).not.toContain(open(i.id_number_sealed, 'id_number'));
      expect(raw).not.toContain(open(i.full_name_sealed, 'full_name'));
    }
  });

  it('understands a free-text vacancy', async () => {
    const { body } = await planner.post<CandidatesResponse>('/api/match/candidates', { text: '招聘二保焊技工，会氩弧焊优先', limit: 5 });
    expect(body.query.occupation?.code).toBe('6-18-02-04');
    expect(body.results).toHaveLength(5);
    expect(body.results[0]?.matchedSkills).toContain('熔化极气体保护焊');
  });

  it('still returns `limit` rows under a selective region filter when enough qualify', async () => {
    const [row] = await api.database.client.rows<{ n: number }>(sql`
      select count(*)::int as n from talents t join regions r on r.code = t.region_code where r.parent_code = '320500' and t.grade >= 2`);
    expect(row?.n).toBeGreaterThan(20);
    const { body } = await planner.post<CandidatesResponse>('/api/match/candidates', {
      occupationCode: '4-10-01-05',
      regionCode: '320500',
      minGrade: 2,
      limit: 20,
    });
    expect(body.results).toHaveLength(20);
    expect(body.results.every((r) => r.regionCode.startsWith('3205'))).toBe(true);
  });

  it('keeps to a radius and reports distance bands, never a figure', async () => {
    const { body, raw } = await planner.post<CandidatesResponse>('/api/match/candidates', {
      skills: ['PLC', '二保焊'],
      near: { lng: 120.3, lat: 31.57, radiusKm: 30 },
      limit: 15,
    });
    expect(body.results.length).toBeGreaterThan(0);
    for (const r of body.results) expect(['0-5', '5-10', '10-20', '20-50']).toContain(r.distanceBand);
    expect(raw).not.toMatch(/distanceKm|willingRadius|"lng"|"lat"/);
  });

  it('finds mostly the same top ten by HNSW as by scoring every talent', async () => {
    // The API sends a set this small to an exact-distance scan by itself; the service is asked
    // to walk the HNSW index regardless, so the index path is what is compared here.
    const skills = api.app.matchService.resolveDemand({ occupationCode: '6-31-01-03' }).skills;
    const query = { skills, filter: {}, limit: 10 };
    const hnsw = await api.app.matchService.findCandidates({ ...query, strategy: 'hnsw', retrieval: 'index' });
    const exact = await api.app.matchService.findCandidates({ ...query, strategy: 'exact' });
    expect(hnsw).toHaveLength(10);
    const exactIds = new Set(exact.map((c) => c.row.id));
    expect(hnsw.filter((c) => exactIds.has(c.row.id)).length).toBeGreaterThanOrEqual(8);
    // Through HTTP, both strategies answer with the same shape.
    const viaApi = await planner.post<CandidatesResponse>('/api/match/candidates', { occupationCode: '6-31-01-03', limit: 10, strategy: 'exact' });
    expect(viaApi.body.results.map((r) => r.talentId)).toHaveLength(10);
  });

  it('stops an exhaustive search once its client has gone', async () => {
    const service = api.app.matchService;
    const skills = service.resolveDemand({ occupationCode: '6-18-02-04' }).skills;
    const gone = new AbortController();
    gone.abort(Object.assign(new Error('the client closed the request'), { statusCode: 499 }));
    await expect(service.findCandidates({ skills, filter: {}, limit: 20, strategy: 'exact', signal: gone.signal })).rejects.toThrow(/client closed/);
    const stays = new AbortController();
    expect(await service.findCandidates({ skills, filter: {}, limit: 20, strategy: 'exact', signal: stays.signal })).toHaveLength(20);
  });

  it('scores every talent that passes the filters on the exact strategy', async () => {
    // The yardstick, checked against an independent ranking: every qualifying row fetched at
    // once by exact distance and scored here.
    const service = api.app.matchService;
    const repo = new MatchRepository(api.database.client);
    const skills = service.resolveDemand({ occupationCode: '6-18-02-04' }).skills;
    const filter = { minGrade: 2 };
    const exact = await service.findCandidates({ skills, filter, limit: 20, strategy: 'exact' });
    const vector = service.space.embed(skills) as number[];
    const everyRow = await repo.candidates(vector, filter, 1_000_000, 'exact');
    // The batches the service reads page through the same rows, each once.
    const paged: number[] = [];
    for await (const batch of repo.filteredTalents(vector, filter, 300)) paged.push(...batch.map((r) => r.id));
    expect(everyRow.length).toBeGreaterThan(300);
    expect(paged).toEqual(everyRow.map((r) => r.id).sort((a, b) => a - b));
    const expected = everyRow
      .map((row) => ({ id: row.id, score: scoreCandidate({ skills, vector, minGrade: 2 }, { ...row, cosineDistance: row.distance }, service.space).score }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, 20);
    expect(exact.map((c) => c.row.id)).toEqual(expected.map((e) => e.id));
  });

  it.each([
    ['a grade and a radius', '6-18-02-04', { minGrade: 3, near: { lng: 120.3, lat: 31.57, radiusKm: 40 } }],
    ['no grade, available only', '4-10-01-05', { availableOnly: true }],
    ['free of filters', '6-31-01-03', {}],
  ])('computes the same score in SQL as here, and so the exact top (%s)', async (_, occupationCode, filter) => {
    const service = api.app.matchService;
    const skills = service.resolveDemand({ occupationCode }).skills;
    const query = { skills, filter, limit: 15 };
    const exact = await service.findCandidates({ ...query, strategy: 'exact' });
    const scored = await service.findCandidates({ ...query, strategy: 'hnsw', retrieval: 'scored' });
    expect(exact).toHaveLength(15);
    // Exact breaks ties by id after rounding; a near-tie may sit either side of the limit, so scores are compared.
    expect(scored.map((c) => c.scored.score)).toEqual(exact.map((c) => c.scored.score));
    const exactIds = new Set(exact.map((c) => c.row.id));
    expect(scored.filter((c) => exactIds.has(c.row.id)).length).toBeGreaterThanOrEqual(13);
  });

  it('adds to the nearest by vector the skill holders who beat them, up to the exact top', async () => {
    const service = api.app.matchService;
    const cases = [
      ['6-18-02-04', {}],
      ['6-31-01-03', { minGrade: 3 }],
      ['4-10-01-05', { availableOnly: true }],
      ['6-31-03-05', {}],
    ] as const;
    let improved = 0;
    for (const [occupationCode, filter] of cases) {
      const skills = service.resolveDemand({ occupationCode }).skills;
      // Few rows from the index (the limit itself), so the nearest alone miss some of the best.
      const query = { skills, filter, limit: 10, strategy: 'hnsw' as const, overfetch: 10 };
      const exact = await service.findCandidates({ ...query, strategy: 'exact' });
      const nearest = await service.findCandidates({ ...query, retrieval: 'index' });
      const covered = await service.findCandidates({ ...query, retrieval: 'coverage' });
      expect(exact).toHaveLength(10);
      const scores = (found: typeof exact) => found.map((c) => c.scored.score);
      expect(scores(covered), occupationCode).toEqual(scores(exact));
      if (scores(nearest).join() !== scores(exact).join()) improved += 1;
    }
    // The pass had something to find: without it the top was worse somewhere.
    expect(improved).toBeGreaterThan(0);
  });

  it('says why when nothing is recognised', async () => {
    const { status, body } = await planner.post<CandidatesResponse>('/api/match/candidates', { text: '今天天气很好' });
    expect(status).toBe(200);
    expect(body.results).toEqual([]);
    expect(body.reason).toBeDefined();
  });

  it('matches a text naming hundreds of skills on its 50 heaviest, and says how many it left out', async () => {
    const names = (await api.database.client.rows<{ name: string }>(sql`select name from skills order by id limit 120`)).map((s) => s.name);
    const text = names.map((name) => `熟悉${name}`).join('，');
    const { status, body } = await planner.post<CandidatesResponse>('/api/match/candidates', { text, limit: 5 });
    expect(status).toBe(200);
    expect(body.query.skills).toHaveLength(50);
    expect(body.query.skillsOmitted).toBeGreaterThan(0);
    const weights = body.query.skills.map((s) => s.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    for (const result of body.results) expect(result.matchedSkills.length + result.missingSkills.length).toBe(50);
    const few = await planner.post<CandidatesResponse>('/api/match/candidates', { skills: names.slice(0, 3), limit: 5 });
    expect(few.body.query.skillsOmitted).toBeUndefined();
  });

  it.each([
    [{ occupationCode: '6-18-02-04', near: { lng: 120, lat: 31, radiusKm: 0 } }, 'near.radiusKm'],
    [{ occupationCode: '6-18-02-04', near: { lng: 120, lat: 31, radiusKm: 100_000 } }, 'near.radiusKm'],
    [{ occupationCode: '6-18-02-04', limit: 101 }, 'limit'],
    [{ occupationCode: '6-18-02-04', limit: 0 }, 'limit'],
    [{ occupationCode: '9-99-99-99' }, 'occupationCode'],
    [{ occupationCode: 'welder' }, 'occupationCode'],
    [{ skills: ['不存在的技能'] }, 'skills'],
    [{ minGrade: 4 }, 'occupationCode'],
    [{ occupationCode: '6-18-02-04', regionCode: '999999' }, 'regionCode'],
  ])('rejects %j with a 400 naming %s', async (body, field) => {
    const res = await planner.post<ApiError>('/api/match/candidates', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.message).toContain(field);
  });
});

describe(`programs, pathways and related occupations on ${testDriver}`, () => {
  it('ranks programs by how much of an occupation gap they close', async () => {
    const { status, body } = await post<{ gap: { name: string }[]; results: { coverage: number; score: number; coversSkills: string[] }[] }>(
      '/api/match/programs',
      {
        occupationCode: '6-31-01-03',
        limit: 5,
      },
    );
    expect(status).toBe(200);
    expect(body.gap.length).toBeGreaterThan(0);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results[0]?.coverage).toBeGreaterThan(0);
    expect(body.results[0]?.coversSkills.length).toBeGreaterThan(0);
    const scores = body.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("closes a talent's own gap: skills the talent has are not in it", async () => {
    const [talent] = await api.database.client.rows<{ id: number; skills: { skillId: number }[] }>(sql`
      select id, skills from talents where jsonb_array_length(skills) >= 3 order by id limit 1`);
    const talentId = await planner.pseudonymOf(Number(talent!.id));
    const { body } = await planner.post<{ gap: { name: string }[] }>('/api/match/programs', { talentId, occupationCode: '6-18-02-04' });
    const owned = await api.database.client.rows<{ name: string }>(sql`select name from skills where id in ${talent!.skills.map((s) => s.skillId)}`);
    for (const o of owned) expect(body.gap.map((g) => g.name)).not.toContain(o.name);
  });

  it('rejects a talent without a target occupation and answers 404 for an unknown talent', async () => {
    const missingTarget = await planner.post<ApiError>('/api/match/programs', { talentId: UNKNOWN_TALENT });
    expect(missingTarget.status).toBe(400);
    const unknown = await planner.post<ApiError>('/api/match/programs', { talentId: UNKNOWN_TALENT, occupationCode: '6-18-02-04' });
    expect(unknown.status).toBe(404);
    // One talent's gap is talent-level data: nobody signed in gets a 401.
    const anonymous = await post<ApiError>('/api/match/programs', { talentId: UNKNOWN_TALENT, occupationCode: '6-18-02-04' });
    expect(anonymous.status).toBe(401);
  });

  it("shows a worker's pathways with gaps and programs", async () => {
    const talentId = await planner.pseudonymOf(1);
    const res = await planner.get<PathwaysResponse>(`/api/talents/${talentId}/pathways`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.pathways.length).toBeGreaterThan(0);
    for (const p of body.pathways) expect(p.similarity).toBeGreaterThan(0);
    // Shortage comes from the rollups; occupations short in the region come first.
    expect(body.pathways.some((p) => p.shortage !== null)).toBe(true);
    const short = body.pathways.map((p) => p.shortage?.short ?? false);
    expect(short).toEqual([...short].sort((a, b) => Number(b) - Number(a)));
    expect((await planner.get(`/api/talents/${UNKNOWN_TALENT}/pathways`)).status).toBe(404);
    expect((await planner.get('/api/talents/1/pathways')).status).toBe(400);
    expect((await api.get(`/api/talents/${talentId}/pathways`)).status).toBe(401);
  });

  it('lists related occupations with shared and differing skills', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/occupations/6-18-02-04/related?limit=5' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { code: string; sharedSkills: string[]; differingSkills: string[] }[] };
    expect(body.items).toHaveLength(5);
    expect(body.items.some((i) => i.sharedSkills.length > 0)).toBe(true);
    expect(body.items.map((i) => i.code)).not.toContain('6-18-02-04');
    expect((await api.app.inject({ method: 'GET', url: '/api/occupations/9-99-99-99/related' })).statusCode).toBe(404);
  });

  it('learns a skill space where 二保焊 sits near 氩弧焊 and 示教编程 near 离线编程', () => {
    const id = (term: string) => api.app.matchService.recognizer.recognize(term).skills[0]!.skillId;
    // Similarity, not rank: as the taxonomy grows, a skill's close neighbours grow in number too.
    expect(api.app.matchService.space.similarity(id('二保焊'), id('氩弧焊'))).toBeGreaterThan(0.5);
    expect(api.app.matchService.space.similarity(id('示教编程'), id('机器人离线编程'))).toBeGreaterThan(0.5);
    expect(api.app.matchService.space.similarity(id('二保焊'), id('老年照护'))).toBeLessThan(0.3);
  });
});
