import { describe, expect, it } from 'vitest';
import type { CandidatesResponse, ContactRequest } from '@talentmap/core';
import { signIn, useApi } from '../support/api.js';
import { testDriver } from '../support/database.js';

/** Contact requests beyond audit-contact.test.ts: who sees which, and who may act on them. */
const api = useApi();
const enterprise = api.as('enterprise-demo');
const province = api.as('planner');
const suzhou = api.as('planner-suzhou');
const welders = { occupationCode: '6-18-02-04', regionCode: '320500', limit: 5 };

async function patch(username: string, id: number, body: object) {
  const { cookie, csrfToken } = await signIn(api.app, username);
  return api.app.inject({ method: 'PATCH', url: `/api/contact-requests/${id}`, payload: body, headers: { cookie, 'x-csrf-token': csrfToken } });
}

async function request(): Promise<ContactRequest> {
  const talentId = (await enterprise.post<CandidatesResponse>('/api/match/candidates', welders)).body.results[0]!.talentId;
  const created = await enterprise.post<ContactRequest>('/api/contact-requests', { talentId, message: '诚邀面试' });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ status: 'pending', talentId });
  return created.body;
}

describe(`contact requests on ${testDriver}`, () => {
  it('a provincial planner sees every request, under its own pseudonym; the enterprise sees no identity fields', async () => {
    const created = await request();
    const seen = (await province.get<{ items: ContactRequest[] }>('/api/contact-requests')).body.items.find((r) => r.id === created.id);
    expect(seen).toMatchObject({ status: 'pending', message: '诚邀面试', regionCode: created.regionCode });
    expect(seen!.talentId).not.toBe(created.talentId);
    const mine = (await enterprise.get<{ items: ContactRequest[] }>('/api/contact-requests')).body.items;
    expect(mine.every((r) => r.enterprise.id === created.enterprise.id)).toBe(true);
    expect(Object.keys(mine[0]!).sort()).toEqual([
      'createdAt',
      'enterprise',
      'handledAt',
      'id',
      'message',
      'note',
      'regionCode',
      'regionName',
      'status',
      'talentId',
      'vacancy',
    ]);
  });

  it('only a planner of the talent’s region acts on a request; the enterprise may not', async () => {
    const created = await request();
    expect((await patch('enterprise-demo', created.id, { status: 'closed' })).statusCode).toBe(403);
    expect((await patch('planner-suzhou', created.id, { status: 'pending' })).statusCode).toBe(400);
    const declined = await patch('planner', created.id, { status: 'declined', note: '本人暂无求职意向' });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', note: '本人暂无求职意向' });
    const inbox = (await suzhou.get<{ items: ContactRequest[] }>('/api/contact-requests')).body.items;
    expect(inbox.find((r) => r.id === created.id)?.status).toBe('declined');
  });

  it('validates the message (1–500 characters) and refuses other roles', async () => {
    const talentId = (await enterprise.post<CandidatesResponse>('/api/match/candidates', welders)).body.results[0]!.talentId;
    expect((await enterprise.post('/api/contact-requests', { talentId, message: '' })).status).toBe(400);
    expect((await enterprise.post('/api/contact-requests', { talentId, message: '好'.repeat(501) })).status).toBe(400);
    expect((await suzhou.post('/api/contact-requests', { talentId, message: '你好' })).status).toBe(403);
    expect((await api.as('institution-demo').get('/api/contact-requests')).status).toBe(403);
    expect((await api.get('/api/contact-requests')).status).toBe(401);
  });
});
