import { describe, expect, it } from 'vitest';
import type { AuditLog, CandidatesResponse } from '@talentmap/core';
import { buildTestApp } from '../support/app.js';
import { signIn, useApi } from '../support/api.js';
import { testDriver } from '../support/database.js';

/** The audit log beyond audit-contact.test.ts: one talent's gap, contact requests, paging, and no unlogged access. */
const api = useApi();
const enterprise = api.as('enterprise-demo');
const admin = api.as('admin');
const welders = { occupationCode: '6-18-02-04', regionCode: '320500', limit: 5 };

describe(`the audit log on ${testDriver}`, () => {
  it('records one talent’s gap and a contact request, each with its default purpose and the pseudonym shown', async () => {
    const talentId = (await enterprise.post<CandidatesResponse>('/api/match/candidates', welders)).body.results[0]!.talentId;
    expect((await enterprise.post('/api/match/programs', { talentId, occupationCode: '6-18-02-04' })).status).toBe(200);
    // Programs for an occupation alone name no talent: not recorded.
    expect((await enterprise.post('/api/match/programs', { occupationCode: '6-18-02-04' })).status).toBe(200);
    expect((await enterprise.post('/api/contact-requests', { talentId, message: '诚邀面试', purpose: '焊工招聘' })).status).toBe(201);
    const { body } = await admin.get<AuditLog>('/api/audit-log?account=enterprise-demo&limit=2');
    expect(body.items.map((e) => [e.action, e.purpose, e.pseudonyms])).toEqual([
      ['contact-request', '焊工招聘', [talentId]],
      ['talent-gap', '技能差距与培训', [talentId]],
    ]);
    expect(body.items[1]!.details).toMatchObject({ occupationCode: '6-18-02-04' });
  });

  it('pages newest first with before=<id>, and bounds limit to 1..1000', async () => {
    for (let i = 0; i < 3; i++) await enterprise.post('/api/match/candidates', welders);
    const first = await admin.get<AuditLog>('/api/audit-log?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]!.id).toBeGreaterThan(first.body.items[1]!.id);
    expect(first.body.next).toBe(first.body.items[1]!.id);
    const second = await admin.get<AuditLog>(`/api/audit-log?limit=2&before=${first.body.next}`);
    expect(second.body.items[0]!.id).toBeLessThan(first.body.next!);
    const all = await admin.get<AuditLog>('/api/audit-log');
    expect(all.body.items.length).toBeLessThanOrEqual(100);
    expect(all.body.next).toBeNull();
    expect((await admin.get('/api/audit-log?limit=1001')).status).toBe(400);
    expect((await admin.get('/api/audit-log?limit=0')).status).toBe(400);
    expect((await admin.get('/api/audit-log?account=nobody-at-all')).body).toEqual({ items: [], next: null });
  });

  it('a purpose longer than 200 characters is refused', async () => {
    expect((await enterprise.post('/api/match/candidates', { ...welders, purpose: '岗'.repeat(201) })).status).toBe(400);
  });

  it('fails the request when the entry cannot be written: no unlogged access', async () => {
    const app = await buildTestApp(api.database.client);
    try {
      app.auditService.record = async () => {
        throw new Error('audit log unavailable');
      };
      const { cookie, csrfToken } = await signIn(app, 'enterprise-demo');
      const res = await app.inject({ method: 'POST', url: '/api/match/candidates', payload: welders, headers: { cookie, 'x-csrf-token': csrfToken } });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toMatch(/talentId/);
    } finally {
      await app.close();
    }
  });
});
