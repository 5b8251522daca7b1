import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AuditLog, CandidatesResponse, ContactRequest } from '@talentmap/core';
import { buildTestApp } from '../support/app.js';
import { signIn, useApi } from '../support/api.js';
import { testDriver } from '../support/database.js';

/** The audit log (append-only), 推荐 contact requests through the employment service, and the per-account limit. */
const api = useApi();
const enterprise = api.as('enterprise-demo');
const suzhou = api.as('planner-suzhou');
const admin = api.as('admin');
const welders = { occupationCode: '6-18-02-04', regionCode: '320500', limit: 5 };

async function patch<T>(username: string, url: string, body: unknown) {
  const { cookie, csrfToken } = await signIn(api.app, username);
  const res = await api.app.inject({ method: 'PATCH', url, payload: body as object, headers: { cookie, 'x-csrf-token': csrfToken } });
  return { status: res.statusCode, body: res.json() as T };
}

describe(`the audit log on ${testDriver}`, () => {
  it('records a candidate search with the account, purpose, pseudonyms shown and non-personal details', async () => {
    const { body } = await enterprise.post<CandidatesResponse>('/api/match/candidates', { ...welders, purpose: '焊工岗位招聘' });
    expect(body.results.length).toBeGreaterThan(0);
    const log = await admin.get<AuditLog>('/api/audit-log?account=enterprise-demo&limit=5');
    expect(log.status).toBe(200);
    const entry = log.body.items.find((e) => e.action === 'candidate-search');
    expect(entry).toMatchObject({ username: 'enterprise-demo', role: 'enterprise', purpose: '焊工岗位招聘' });
    expect(entry?.pseudonyms).toEqual(body.results.map((r) => r.talentId));
    expect(entry?.details).toMatchObject({ occupationCode: '6-18-02-04', regionCode: '320500', results: body.results.length });
    // The row ids behind the pseudonyms are kept (for the employment service), never shown.
    const [row] = await api.database.client.rows<{ talent_ids: number[] }>(sql`select talent_ids from audit_log where id = ${entry!.id}`);
    expect(row!.talent_ids.length).toBe(body.results.length);
    expect(JSON.stringify(log.body)).not.toMatch(/talent_ids|talentIds/);
  });

  it('records pathways views with a default purpose, and is for admins only', async () => {
    const { body } = await suzhou.post<CandidatesResponse>('/api/match/candidates', welders);
    const talentId = body.results[0]!.talentId;
    expect((await suzhou.get(`/api/talents/${talentId}/pathways`)).status).toBe(200);
    const log = await admin.get<AuditLog>('/api/audit-log?account=planner-suzhou&limit=1');
    expect(log.body.items[0]).toMatchObject({ action: 'talent-pathways', purpose: '职业发展路径', pseudonyms: [talentId] });
    expect((await suzhou.get('/api/audit-log')).status).toBe(403);
    expect((await api.get('/api/audit-log')).status).toBe(401);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const { client } = api.database;
    const [{ n } = { n: 0 }] = await client.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    expect(n).toBeGreaterThan(0);
    // drizzle wraps the driver's error; the trigger's message is its cause.
    const refusal = async (query: ReturnType<typeof sql>) => {
      const err = await client.rows(query).then(
        () => null,
        (e: unknown) => e as Error & { cause?: Error },
      );
      return `${err?.message ?? 'no error'} ${err?.cause?.message ?? ''}`;
    };
    expect(await refusal(sql`update audit_log set purpose = 'x'`)).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(sql`delete from audit_log`)).toMatch(/append-only: DELETE refused/);
    expect(await refusal(sql`truncate audit_log`)).toMatch(/append-only: TRUNCATE refused/);
    const [after] = await client.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    expect(after?.n).toBe(n);
  });
});

describe(`contact requests (推荐) on ${testDriver}`, () => {
  it('go from an enterprise to the planners of the talent’s region, and back, without any identity', async () => {
    const { body } = await enterprise.post<CandidatesResponse>('/api/match/candidates', welders);
    const candidate = body.results[0]!;
    const [vacancy] = await api.database.client.rows<{ id: number }>(sql`
      select v.id from vacancies v join accounts a on a.enterprise_id = v.enterprise_id where a.username = 'enterprise-demo' limit 1`);
    const created = await enterprise.post<ContactRequest>('/api/contact-requests', {
      talentId: candidate.talentId,
      vacancyId: Number(vacancy!.id),
      message: '诚邀面试，月薪 9000 起',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', talentId: candidate.talentId, regionCode: candidate.regionCode });

    // The 苏州 planner sees it under its own pseudonym for the talent; a 南京 planner does not see it.
    const inbox = await suzhou.get<{ items: ContactRequest[] }>('/api/contact-requests');
    const seen = inbox.body.items.find((r) => r.id === created.body.id);
    expect(seen?.message).toBe('诚邀面试，月薪 9000 起');
    expect(seen?.talentId).not.toBe(candidate.talentId);
    expect((await suzhou.get(`/api/talents/${seen!.talentId}/pathways`)).status).toBe(200);

    const forwarded = await patch<ContactRequest>('planner-suzhou', `/api/contact-requests/${created.body.id}`, { status: 'forwarded', note: '已电话联系' });
    expect(forwarded.status).toBe(200);
    const mine = await enterprise.get<{ items: ContactRequest[] }>('/api/contact-requests');
    expect(mine.body.items.find((r) => r.id === created.body.id)).toMatchObject({ status: 'forwarded', note: '已电话联系', talentId: candidate.talentId });
    // Nothing in either answer is an identity: no phone, no ID number (names are checked in privacy-identity).
    expect(JSON.stringify([inbox.body, mine.body])).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/);
  });

  it('404 for a pseudonym issued to someone else and for another enterprise’s vacancy', async () => {
    const { body } = await suzhou.post<CandidatesResponse>('/api/match/candidates', welders);
    const plannersId = body.results[0]!.talentId;
    expect((await enterprise.post('/api/contact-requests', { talentId: plannersId, message: '你好' })).status).toBe(404);
    const own = (await enterprise.post<CandidatesResponse>('/api/match/candidates', welders)).body.results[0]!.talentId;
    const [foreign] = await api.database.client.rows<{ id: number }>(sql`
      select id from vacancies where enterprise_id <> (select enterprise_id from accounts where username = 'enterprise-demo') limit 1`);
    expect((await enterprise.post('/api/contact-requests', { talentId: own, vacancyId: Number(foreign!.id), message: '你好' })).status).toBe(404);
    expect((await patch('planner-suzhou', '/api/contact-requests/2147483647', { status: 'closed' })).status).toBe(404);
  });
});

describe(`the per-account limit on ${testDriver}`, () => {
  it('refuses the (limit+1)th talent-level request of one account with a 429, while another account goes on', async () => {
    const app = await buildTestApp(api.database.client, { RATE_LIMIT_ACCOUNT_PER_MINUTE: 3 });
    try {
      const search = async (username: string) => {
        const { cookie, csrfToken } = await signIn(app, username);
        return app.inject({ method: 'POST', url: '/api/match/candidates', payload: welders, headers: { cookie, 'x-csrf-token': csrfToken } });
      };
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await search('enterprise-demo')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await search('enterprise-demo');
      expect(refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await search('planner-suzhou')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
