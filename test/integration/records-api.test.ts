import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CandidatesResponse, Program, Vacancy } from '@talentmap/core';
import { signIn, useApi } from '../support/api.js';
import { testDriver } from '../support/database.js';

/** An enterprise keeps its own vacancies and an institution its own programs; nobody else sees them. */
const api = useApi();
const enterprise = api.as('enterprise-demo');
const institution = api.as('institution-demo');

async function patch<T>(username: string, url: string, body: unknown) {
  const { cookie, csrfToken } = await signIn(api.app, username);
  const res = await api.app.inject({ method: 'PATCH', url, payload: body as object, headers: { cookie, 'x-csrf-token': csrfToken } });
  return { status: res.statusCode, body: res.json() as T };
}

const welder = { title: '二保焊技工', occupationCode: '6-18-02-04', grade: 4, headcount: 3, wageMin: 8000, wageMax: 11000 };

describe(`an enterprise's vacancies on ${testDriver}`, () => {
  it('creates one in its own district with the occupation’s skills and a vector, lists it, edits it and closes it', async () => {
    const created = await enterprise.post<Vacancy>('/api/vacancies', welder);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...welder, status: 'open', synthetic: false, filledOn: null });
    expect(created.body.skills.length).toBeGreaterThan(2);
    const [row] = await api.database.client.rows<{ has: boolean; district: string }>(sql`
      select v.embedding is not null as has, e.region_code as district from vacancies v join enterprises e on e.id = v.enterprise_id where v.id = ${created.body.id}`);
    expect(row?.has).toBe(true);
    expect(created.body.regionCode).toBe(row?.district);

    const list = await enterprise.get<{ items: Vacancy[]; total: number }>('/api/vacancies?status=open&limit=5');
    expect(list.body.items[0]?.id).toBe(created.body.id);
    const edited = await patch<Vacancy>('enterprise-demo', `/api/vacancies/${created.body.id}`, { headcount: 5, skills: ['二保焊', '氩弧焊'] });
    expect(edited.body).toMatchObject({ headcount: 5, skills: ['熔化极气体保护焊', '钨极氩弧焊'] });
    const closed = await patch<Vacancy>('enterprise-demo', `/api/vacancies/${created.body.id}`, { status: 'closed' });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.filledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Its occupation's candidates are there to search for.
    const search = await enterprise.post<CandidatesResponse>('/api/match/candidates', { occupationCode: welder.occupationCode, limit: 3 });
    expect(search.body.results).toHaveLength(3);
  });

  it('is invisible to other enterprises (404), refused to other roles (403) and to nobody (401), and validated', async () => {
    const [foreign] = await api.database.client.rows<{ id: number }>(sql`
      select min(id) as id from vacancies where enterprise_id <> (select enterprise_id from accounts where username = 'enterprise-demo')`);
    expect((await enterprise.get(`/api/vacancies/${foreign!.id}`)).status).toBe(404);
    expect((await patch('enterprise-demo', `/api/vacancies/${foreign!.id}`, { headcount: 1 })).status).toBe(404);
    expect((await institution.get('/api/vacancies')).status).toBe(403);
    expect((await api.get('/api/vacancies')).status).toBe(401);
    const bad = await enterprise.post<{ error: { details: { field: string }[] } }>('/api/vacancies', { ...welder, wageMax: 100 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]?.field).toBe('body.wageMax');
    expect((await enterprise.post('/api/vacancies', { ...welder, occupationCode: '6-99-99-99' })).status).toBe(400);
    expect((await enterprise.post('/api/vacancies', { ...welder, regionCode: '320500' })).status).toBe(400);
    expect((await enterprise.post('/api/vacancies', { ...welder, skills: ['不存在的技能'] })).status).toBe(400);
  });
});

describe(`an institution's programs on ${testDriver}`, () => {
  it('creates, lists and edits its own; another institution’s is a 404', async () => {
    const created = await institution.post<Program>('/api/programs', {
      name: '焊工（高级）培训班',
      occupationCodes: ['6-18-02-04'],
      grade: 4,
      hours: 160,
      capacity: 40,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mode: 'offline', subsidyEligible: false, synthetic: false });
    expect(created.body.skills.length).toBeGreaterThan(2);
    const list = await institution.get<{ items: Program[] }>('/api/programs?limit=3');
    expect(list.body.items[0]?.id).toBe(created.body.id);
    const edited = await patch<Program>('institution-demo', `/api/programs/${created.body.id}`, { hours: 200, mode: 'blended' });
    expect(edited.body).toMatchObject({ hours: 200, mode: 'blended', subsidyEligible: false });
    const [foreign] = await api.database.client.rows<{ id: number }>(sql`
      select min(id) as id from programs where institution_id <> (select institution_id from accounts where username = 'institution-demo')`);
    expect((await institution.get(`/api/programs/${foreign!.id}`)).status).toBe(404);
    expect((await enterprise.get('/api/programs')).status).toBe(403);
  });
});
