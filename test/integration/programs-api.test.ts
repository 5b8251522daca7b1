import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Program, ProgramList } from '@talentmap/core';
import { hashPassword } from '@talentmap/core/password';
import { AccountRepository } from '@talentmap/db';
import { signIn, useApi } from '../support/api.js';
import { DEMO_PASSWORD_FOR_TESTS, testDriver } from '../support/database.js';

/**
 * An institution keeps its own programs (create, edit); planners read those in their region and
 * admins all. Another institution, or a planner of another city, finds none of them (404).
 */
const api = useApi();
const institution = api.as('institution-demo');
const otherInstitution = api.as('institution-other');
const suzhouPlanner = api.as('planner-suzhou');
const nanjingPlanner = api.as('planner-nanjing');
type ApiError = { error: { code: string; message: string; details: { field: string }[] | { field: string } } };

async function patch<T>(username: string, url: string, body: unknown) {
  const { cookie, csrfToken } = await signIn(api.app, username);
  const res = await api.app.inject({ method: 'PATCH', url, payload: body as object, headers: { cookie, 'x-csrf-token': csrfToken } });
  return { status: res.statusCode, body: res.json() as T };
}
const fieldOf = (body: unknown) => {
  const details = (body as ApiError).error.details;
  return Array.isArray(details) ? details[0]?.field : details.field;
};

const course = { name: '焊工（高级）培训班', occupationCodes: ['6-18-02-04'], grade: 4, hours: 160, capacity: 40 };
let created: Program;

beforeAll(async () => {
  const { client } = api.database;
  const [other] = await client.rows<{ id: number }>(sql`
    select min(institution_id) as id from programs where institution_id <> (select institution_id from accounts where username = 'institution-demo')`);
  const accounts = new AccountRepository(client);
  const passwordHash = await hashPassword(DEMO_PASSWORD_FOR_TESTS);
  await accounts.create({ username: 'institution-other', passwordHash, role: 'institution', institutionId: Number(other!.id) });
  await accounts.create({ username: 'planner-nanjing', passwordHash, role: 'planner', regionCode: '320100' });
  const res = await institution.post<Program>('/api/programs', course);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  created = res.body;
});

describe(`an institution's programs on ${testDriver}`, () => {
  it('creates one with its occupations’ skills and a vector, in its institution’s district', async () => {
    expect(created).toMatchObject({ ...course, mode: 'offline', subsidyEligible: false, synthetic: false });
    expect(created.skills.length).toBeGreaterThan(2);
    const [row] = await api.database.client.rows<{ dims: number; region: string }>(sql`
      select vector_dims(p.embedding) as dims, i.region_code as region from programs p join institutions i on i.id = p.institution_id where p.id = ${created.id}`);
    expect(Number(row?.dims)).toBeGreaterThan(0);
    expect(created.regionCode).toBe(row?.region);
    expect(created.regionName.length).toBeGreaterThan(0);
  });

  it('lists its own, newest first, and edits one (skills by alias, the vector follows)', async () => {
    const list = await institution.get<ProgramList>('/api/programs?limit=3');
    expect(list.body.items[0]?.id).toBe(created.id);
    expect(list.body.items.every((p) => p.institutionId === created.institutionId)).toBe(true);
    const edited = await patch<Program>('institution-demo', `/api/programs/${created.id}`, { hours: 200, mode: 'blended', skills: ['二保焊', '氩弧焊'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ hours: 200, mode: 'blended', subsidyEligible: false, skills: ['熔化极气体保护焊', '钨极氩弧焊'] });
    const reset = await patch<Program>('institution-demo', `/api/programs/${created.id}`, { occupationCodes: ['6-18-02-04'] });
    expect(reset.body.skills).toEqual(created.skills);
  });

  it('is a match for a welding gap once created', async () => {
    const res = await api.post<{ results: { programId: number }[] }>('/api/match/programs', { skills: ['二保焊', '氩弧焊'], limit: 50 });
    expect(res.body.results.some((p) => p.programId === created.id)).toBe(true);
  });
});

describe(`who sees a program on ${testDriver}`, () => {
  it('is invisible to another institution (404) and not in its list', async () => {
    expect((await otherInstitution.get(`/api/programs/${created.id}`)).status).toBe(404);
    expect((await patch('institution-other', `/api/programs/${created.id}`, { hours: 1 })).status).toBe(404);
    const list = await otherInstitution.get<ProgramList>('/api/programs?limit=200');
    expect(list.body.items.some((p) => p.id === created.id)).toBe(false);
  });

  it('is readable by a planner of its region and by an admin, a 404 for a planner of another city, editable by none of them', async () => {
    const list = await suzhouPlanner.get<ProgramList>(`/api/programs?occupationCode=6-18-02-04&limit=200`);
    expect(list.status).toBe(200);
    expect(list.body.items.some((p) => p.id === created.id)).toBe(true);
    expect(list.body.items.every((p) => p.occupationCodes.includes('6-18-02-04'))).toBe(true);
    expect((await suzhouPlanner.get(`/api/programs/${created.id}`)).status).toBe(200);
    expect((await api.as('admin').get(`/api/programs/${created.id}`)).status).toBe(200);
    expect((await api.as('admin').get<ProgramList>('/api/programs?regionCode=320100')).status).toBe(200);
    expect((await patch('planner-suzhou', `/api/programs/${created.id}`, { hours: 1 })).status).toBe(403);
    expect((await patch('admin', `/api/programs/${created.id}`, { hours: 1 })).status).toBe(403);

    expect((await nanjingPlanner.get(`/api/programs/${created.id}`)).status).toBe(404);
    const nanjing = await nanjingPlanner.get<ProgramList>('/api/programs?limit=200');
    expect(nanjing.body.items.some((p) => p.id === created.id)).toBe(false);
    expect((await nanjingPlanner.get('/api/programs?regionCode=320500')).status).toBe(403);
  });

  it('is refused to enterprises (403) and to nobody signed in (401)', async () => {
    expect((await api.as('enterprise-demo').get('/api/programs')).status).toBe(403);
    expect((await api.as('enterprise-demo').get(`/api/programs/${created.id}`)).status).toBe(403);
    expect((await api.as('enterprise-demo').post('/api/programs', course)).status).toBe(403);
    expect((await api.get('/api/programs')).status).toBe(401);
    expect((await api.post('/api/programs', course)).status).toBe(401);
  });
});

describe(`program validation on ${testDriver}`, () => {
  it('names the field it rejects', async () => {
    const cases: [object, string, RegExp?][] = [
      [{ ...course, hours: 0 }, 'body.hours'],
      [{ ...course, mode: 'remote' }, 'body.mode'],
      [{ ...course, occupationCodes: [] }, 'body.occupationCodes'],
      [{ ...course, occupationCodes: ['6-99-99-99'] }, 'occupationCode', /6-99-99-99/],
      [{ ...course, skills: ['不存在的技能'] }, 'skills', /不存在的技能/],
    ];
    for (const [body, field, message] of cases) {
      const res = await institution.post<ApiError>('/api/programs', body);
      expect(res.status, res.raw).toBe(400);
      expect(fieldOf(res.body)).toBe(field);
      if (message) expect(res.body.error.message).toMatch(message);
    }
    expect((await institution.get('/api/programs/1.0')).status).toBe(400);
  });
});
