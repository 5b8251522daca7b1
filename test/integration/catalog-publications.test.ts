import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogEntry, PublicationSummary } from '@talentmap/core';
import { testDriver } from '../support/database.js';
import { useApi } from '../support/api.js';

/** The yearly 紧缺职业目录 as published: frozen, dated, what the public reads; only planners publish, inside their region. */
const api = useApi();
const suzhou = api.as('planner-suzhou');

describe(`published catalogues on ${testDriver}`, () => {
  it('shows the public the latest publication (the demo starts with one per city), people protected', async () => {
    const { status, body } = await api.get<Catalog>('/api/shortage/catalog?region=320500');
    expect(status).toBe(200);
    expect(body.publication?.regionCode).toBe('320500');
    expect(body.publication?.title).toContain('演示发布');
    expect(body.disclosure).toBe('protected');
    expect(body.items.length).toBeGreaterThan(0);
    for (const e of body.items) expect(e.seekers === null || e.seekers % 5 === 0).toBe(true);
    // The planner of 苏州 reads it live and exactly.
    const live = await suzhou.get<Catalog>('/api/shortage/catalog?region=320500');
    expect(live.body.publication).toBeNull();
    expect(live.body.disclosure).toBe('exact');
  });

  it('publishes a new, dated version for the planner’s own city that the public then reads', async () => {
    const published = await suzhou.post<PublicationSummary>('/api/shortage/catalog/publications', { title: '2026年苏州市紧缺职业目录（第二版）' });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ regionCode: '320500', title: '2026年苏州市紧缺职业目录（第二版）' });
    expect(published.body.entryCount).toBeGreaterThan(0);
    const seen = await api.get<Catalog>('/api/shortage/catalog?region=320500');
    expect(seen.body.publication?.id).toBe(published.body.id);
    const list = await api.get<{ items: PublicationSummary[] }>('/api/shortage/catalog/publications?region=320500');
    expect(list.body.items.map((p) => p.id)).toContain(published.body.id);
    expect(list.body.items.length).toBeGreaterThanOrEqual(2); // the earlier one stays

    const open = await api.get<{ entries: CatalogEntry[] }>(`/api/shortage/catalog/publications/${published.body.id}`);
    expect(open.body.entries).toHaveLength(published.body.entryCount);
    for (const e of open.body.entries) expect(e.seekers === null || e.seekers % 5 === 0).toBe(true);
    const exact = await suzhou.get<{ entries: CatalogEntry[] }>(`/api/shortage/catalog/publications/${published.body.id}`);
    const live = await suzhou.get<Catalog>('/api/shortage/catalog?region=320500&limit=500');
    expect(exact.body.entries.map((e) => [e.occupationCode, e.grade, e.seekers])).toEqual(live.body.items.map((e) => [e.occupationCode, e.grade, e.seekers]));
  });

  it('refuses to publish outside the region (403), for non-planners (403) and for nobody (401); publications cannot be edited', async () => {
    expect((await suzhou.post('/api/shortage/catalog/publications', { region: '320100' })).status).toBe(403);
    expect((await api.as('enterprise-demo').post('/api/shortage/catalog/publications', {})).status).toBe(403);
    expect((await api.post('/api/shortage/catalog/publications', {})).status).toBe(401);
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      const res = await api.app.inject({ method, url: '/api/shortage/catalog/publications/1' });
      expect(res.statusCode, method).toBe(404);
    }
    expect((await api.get('/api/shortage/catalog/publications/2147483647')).status).toBe(404);
  });
});
