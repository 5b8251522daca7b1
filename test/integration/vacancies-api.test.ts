import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AuditLog, CandidatesResponse, Vacancy, VacancyList } from '@talentmap/core';
import { hashPassword } from '@talentmap/core/password';
import { AccountRepository } from '@talentmap/db';
import { signIn, useApi } from '../support/api.js';
import { DEMO_PASSWORD_FOR_TESTS, testDriver } from '../support/database.js';

/**
 * An enterprise keeps its own vacancies (create, edit, close) and searches candidates for them; a
 * planner reads those in its region. Another enterprise, or a planner of another city, finds none
 * of them (404); other roles are refused (403), nobody signed in too (401).
 */
const api = useApi();
const enterprise = api.as('enterprise-demo');
const otherEnterprise = api.as('enterprise-other');
const institution = api.as('institution-demo');
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

const welder = { title: '二保焊技工', occupationCode: '6-18-02-04', grade: 4, headcount: 3, wageMin: 8000, wageMax: 11000 };
const SUZHOU = '320500';
let created: Vacancy;

beforeAll(async () => {
  const { client } = api.database;
  const [other] = await client.rows<{ id: number }>(sql`
    select min(id) as id from enterprises where id <> (select enterprise_id from accounts where username = 'enterprise-demo')`);
  const accounts = new AccountRepository(client);
  const passwordHash = await hashPassword(DEMO_PASSWORD_FOR_TESTS);
  await accounts.create({ username: 'enterprise-other', passwordHash, role: 'enterprise', enterpriseId: Number(other!.id) });
  await accounts.create({ username: 'planner-nanjing', passwordHash, role: 'planner', regionCode: '320100' });
  const res = await enterprise.post<Vacancy>('/api/vacancies', welder);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  created = res.body;
});

describe(`an enterprise's vacancies on ${testDriver}`, () => {
  it('creates one in its own district, with the occupation’s skills and a vector', async () => {
    expect(created).toMatchObject({ ...welder, status: 'open', synthetic: false, filledOn: null });
    expect(created.skills.length).toBeGreaterThan(2);
    expect(created.postedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [row] = await api.database.client.rows<{ dims: number; district: string; name: string }>(sql`
      select vector_dims(v.embedding) as dims, e.region_code as district, r.name
      from vacancies v join enterprises e on e.id = v.enterprise_id join regions r on r.code = e.region_code where v.id = ${created.id}`);
    expect(Number(row?.dims)).toBeGreaterThan(0);
    expect(created).toMatchObject({ regionCode: row?.district, regionName: row?.name });
  });

  it('lists its own, by status, newest first, with paging', async () => {
    const open = await enterprise.get<VacancyList>('/api/vacancies?status=open&limit=5');
    expect(open.status).toBe(200);
    expect(open.body.items[0]?.id).toBe(created.id);
    expect(open.body.items.every((v) => v.status === 'open' && v.enterpriseId === created.enterpriseId)).toBe(true);
    const second = await enterprise.get<VacancyList>('/api/vacancies?status=open&limit=1&offset=1');
    expect(second.body.items[0]?.id).toBe(open.body.items[1]?.id);
    expect(second.body.total).toBe(open.body.total);
  });

  it('edits one: skills by alias or from the advert’s text, and the vector follows', async () => {
    const vector = async () => (await api.database.client.rows<{ v: string }>(sql`select embedding::text as v from vacancies where id = ${created.id}`))[0]?.v;
    const before = await vector();
    const edited = await patch<Vacancy>('enterprise-demo', `/api/vacancies/${created.id}`, { headcount: 5, skills: ['二保焊', '氩弧焊'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ headcount: 5, skills: ['熔化极气体保护焊', '钨极氩弧焊'] });
    expect(await vector()).not.toBe(before);
    const fromText = await patch<Vacancy>('enterprise-demo', `/api/vacancies/${created.id}`, { text: '招聘焊工，熟悉氩弧焊，能看懂图纸' });
    expect(fromText.status).toBe(200);
    expect(fromText.body.skills).toContain('钨极氩弧焊');
  });

  it('searches candidates for it as POST /api/match/candidates would, in its city or around its district, audit-logged', async () => {
    const search = await enterprise.post<CandidatesResponse>(`/api/vacancies/${created.id}/candidates`, { limit: 5, purpose: '二保焊岗位招聘' });
    expect(search.status, search.raw).toBe(200);
    expect(search.body.results.length).toBeGreaterThan(0);
    expect(search.body.query.occupation?.code).toBe(welder.occupationCode);
    expect(search.body.synthetic).toBe(true);
    const districts = (await api.database.client.rows<{ code: string }>(sql`select code from regions where parent_code = ${SUZHOU}`)).map((r) => r.code);
    for (const c of search.body.results) {
      expect(c.grade).toBeGreaterThanOrEqual(welder.grade);
      expect(districts).toContain(c.regionCode);
      expect(c.talentId).toMatch(/^P[A-Z2-7]{26}$/);
    }
    const near = await enterprise.post<CandidatesResponse>(`/api/vacancies/${created.id}/candidates`, { radiusKm: 30, availableOnly: true });
    expect(near.status, near.raw).toBe(200);
    expect(near.body.results.every((c) => c.distanceBand !== null && c.available)).toBe(true);
    const bare = await enterprise.post<CandidatesResponse>(`/api/vacancies/${created.id}/candidates`, {});
    expect(bare.status, bare.raw).toBe(200);
    expect(bare.body.results.length).toBeGreaterThan(0);
    expect(bare.body.results.length).toBeLessThanOrEqual(20);

    const log = await api.as('admin').get<AuditLog>('/api/audit-log?account=enterprise-demo&limit=10');
    const entry = log.body.items.find((e) => e.purpose === '二保焊岗位招聘');
    expect(entry).toMatchObject({ action: 'candidate-search', details: { vacancyId: created.id, limit: 5 } });
    expect(entry?.pseudonyms).toEqual(search.body.results.map((c) => c.talentId));
  });

  it('closes one (filledOn today) and reopens it', async () => {
    const closed = await patch<Vacancy>('enterprise-demo', `/api/vacancies/${created.id}`, { status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', headcount: 5 });
    expect(closed.body.filledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const lists = await Promise.all(['open', 'closed'].map((s) => enterprise.get<VacancyList>(`/api/vacancies?status=${s}&limit=200`)));
    expect(lists.map((l) => l.body.items.some((v) => v.id === created.id))).toEqual([false, true]);
    const reopened = await patch<Vacancy>('enterprise-demo', `/api/vacancies/${created.id}`, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', filledOn: null });
  });
});

describe(`who sees a vacancy on ${testDriver}`, () => {
  it('is invisible to another enterprise (404 on read, edit and search) and not in its list', async () => {
    expect((await otherEnterprise.get(`/api/vacancies/${created.id}`)).status).toBe(404);
    expect((await patch('enterprise-other', `/api/vacancies/${created.id}`, { headcount: 1 })).status).toBe(404);
    expect((await otherEnterprise.post(`/api/vacancies/${created.id}/candidates`, {})).status).toBe(404);
    const list = await otherEnterprise.get<VacancyList>('/api/vacancies?limit=200');
    expect(list.status).toBe(200);
    expect(list.body.items.some((v) => v.enterpriseId === created.enterpriseId)).toBe(false);
    // A vacancy that does not exist answers the same.
    expect((await enterprise.get('/api/vacancies/2147483647')).status).toBe(404);
  });

  it('is readable and searchable by a planner of its region, a 404 for a planner of another city, never editable by one', async () => {
    const list = await suzhouPlanner.get<VacancyList>(`/api/vacancies?regionCode=${SUZHOU}&occupationCode=${welder.occupationCode}&status=open&limit=200`);
    expect(list.status).toBe(200);
    expect(list.body.items.some((v) => v.id === created.id)).toBe(true);
    expect(list.body.items.every((v) => v.occupationCode === welder.occupationCode && v.status === 'open')).toBe(true);
    expect((await suzhouPlanner.get<Vacancy>(`/api/vacancies/${created.id}`)).body.id).toBe(created.id);
    expect((await suzhouPlanner.post(`/api/vacancies/${created.id}/candidates`, { limit: 3 })).status).toBe(200);
    expect((await api.as('planner').get(`/api/vacancies/${created.id}`)).status).toBe(200);
    expect((await patch('planner-suzhou', `/api/vacancies/${created.id}`, { headcount: 1 })).status).toBe(403);

    expect((await nanjingPlanner.get(`/api/vacancies/${created.id}`)).status).toBe(404);
    expect((await nanjingPlanner.post(`/api/vacancies/${created.id}/candidates`, {})).status).toBe(404);
    const nanjing = await nanjingPlanner.get<VacancyList>('/api/vacancies?limit=200');
    expect(nanjing.body.items.length).toBeGreaterThan(0);
    expect(nanjing.body.items.some((v) => v.id === created.id)).toBe(false);
    const outside = await nanjingPlanner.get<ApiError>(`/api/vacancies?regionCode=${SUZHOU}`);
    expect(outside.status).toBe(403);
  });

  it('is refused to other roles (403) and to nobody signed in (401)', async () => {
    expect((await institution.get('/api/vacancies')).status).toBe(403);
    expect((await institution.get(`/api/vacancies/${created.id}`)).status).toBe(403);
    expect((await institution.post('/api/vacancies', welder)).status).toBe(403);
    expect((await suzhouPlanner.post('/api/vacancies', welder)).status).toBe(403);
    expect((await api.as('admin').get('/api/vacancies')).status).toBe(403);
    expect((await api.get('/api/vacancies')).status).toBe(401);
    expect((await api.get(`/api/vacancies/${created.id}`)).status).toBe(401);
    expect((await api.post(`/api/vacancies/${created.id}/candidates`, {})).status).toBe(401);
  });
});

describe(`vacancy validation on ${testDriver}`, () => {
  const rejects = async (body: object, field: string, message?: RegExp) => {
    const res = await enterprise.post<ApiError>('/api/vacancies', body);
    expect(res.status, res.raw).toBe(400);
    expect(fieldOf(res.body)).toBe(field);
    if (message) expect(res.body.error.message).toMatch(message);
  };

  it('names the field it rejects', async () => {
    await rejects({ ...welder, wageMax: 100 }, 'body.wageMax');
    await rejects({ ...welder, wageMin: 0 }, 'body.wageMin');
    await rejects({ ...welder, title: ' ' }, 'body.title');
    await rejects({ ...welder, grade: 9 }, 'body.grade');
    await rejects({ ...welder, postedOn: '2026-02-30' }, 'body.postedOn');
    await rejects({ ...welder, postedOn: '0000-01-01' }, 'body.postedOn');
    await rejects({ ...welder, postedOn: '2099-01-01' }, 'postedOn', /future/);
    await rejects({ ...welder, occupationCode: '6-99-99-99' }, 'occupationCode', /6-99-99-99/);
    await rejects({ ...welder, regionCode: SUZHOU }, 'regionCode', /not a district/);
    await rejects({ ...welder, regionCode: '329999' }, 'regionCode', /unknown region/);
    await rejects({ ...welder, skills: ['氩弧焊', '不存在的技能'] }, 'skills', /不存在的技能/);
    await rejects({ ...welder, text: 'zzzz qqqq' }, 'text', /no recognisable skill/);
    const { title: _title, ...untitled } = welder;
    await rejects(untitled, 'body.title');
  });

  it('parses ids strictly and checks the candidate options', async () => {
    for (const id of ['010', '0x10', '1e2', '-1', '2147483648']) expect((await enterprise.get(`/api/vacancies/${id}`)).status, id).toBe(400);
    const tooMany = await enterprise.post<ApiError>(`/api/vacancies/${created.id}/candidates`, { limit: 101 });
    expect([tooMany.status, fieldOf(tooMany.body)]).toEqual([400, 'body.limit']);
    const radius = await enterprise.post<ApiError>(`/api/vacancies/${created.id}/candidates`, { radiusKm: 2.5 });
    expect([radius.status, fieldOf(radius.body)]).toEqual([400, 'body.radiusKm']);
    const edit = await patch<ApiError>('enterprise-demo', `/api/vacancies/${created.id}`, { wageMin: 999_999 });
    expect([edit.status, fieldOf(edit.body)]).toEqual([400, 'wageMin']);
    const bad = await enterprise.get<ApiError>('/api/vacancies?occupationCode=6-99-99-99');
    expect([bad.status, fieldOf(bad.body)]).toEqual([400, 'occupationCode']);
  });
});
