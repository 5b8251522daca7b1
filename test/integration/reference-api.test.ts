import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { booleanValid, bbox } from '@turf/turf';
import type { Chain, Cluster, Occupation, OccupationTreeNode, RegionCollection, Skill } from '@talentmap/core';
import { testDriver } from '../support/database.js';
import { useApi } from '../support/api.js';

const api = useApi();

const get = <T>(url: string) => api.get<T>(url);

describe(`reference API on ${testDriver}`, () => {
  it('reports health, the driver and the synthetic dataset', async () => {
    const { status, body } = await get<{ status: string; database: string; dataset: string; synthetic: boolean }>('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', database: testDriver, dataset: 'synthetic-demo', synthetic: true });
  });

  it('serves the 13 cities as valid polygons inside Jiangsu', async () => {
    const { status, body } = await get<RegionCollection>('/api/regions?level=city');
    expect(status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(13);
    const names = body.features.map((f) => f.properties.name).join(',');
    for (const city of ['南京', '无锡', '徐州', '常州', '苏州', '南通', '连云港', '淮安', '盐城', '扬州', '镇江', '泰州', '宿迁'])
      expect(names).toContain(city);
    for (const f of body.features) {
      expect(f.properties.code).toMatch(/^32\d{2}00$/);
      expect(f.properties.parentCode).toBe('320000');
      expect(booleanValid(f.geometry as never)).toBe(true);
    }
    const [minX, minY, maxX, maxY] = bbox(body as never);
    expect(minX).toBeGreaterThan(116.2);
    expect(maxX).toBeLessThan(122.0);
    expect(minY).toBeGreaterThan(30.6);
    expect(maxY).toBeLessThan(35.3);
  });

  it('serves districts with their city as parent, filterable by city', async () => {
    const all = await get<RegionCollection>('/api/regions?level=district');
    expect(all.body.features.length).toBeGreaterThanOrEqual(90);
    const suzhou = await get<RegionCollection>('/api/regions?level=district&parent=320500');
    expect(suzhou.body.features.length).toBeGreaterThanOrEqual(9);
    expect(suzhou.body.features.every((f) => f.properties.parentCode === '320500')).toBe(true);
    expect(suzhou.body.features.map((f) => f.properties.name)).toContain('昆山市');
  });

  it('lists the 13 clusters and the 30 advantage chains, 10 of them excellence', async () => {
    const clusters = await get<{ items: Cluster[]; total: number }>('/api/clusters');
    expect(clusters.body.total).toBe(13);
    expect(clusters.body.items.map((c) => c.name)).toContain('集成电路');
    const advantage = await get<{ items: Chain[]; total: number }>('/api/chains?kind=advantage');
    expect(advantage.body.total).toBe(30);
    const excellence = await get<{ items: Chain[]; total: number }>('/api/chains?kind=excellence');
    expect(excellence.body.total).toBe(10);
    expect(excellence.body.items.every((c) => !c.curated)).toBe(true);
    expect(excellence.body.items.map((c) => c.name)).toEqual(expect.arrayContaining(['起重机', '集成电路', '高技术船舶']));
    expect(clusters.body.items.reduce((sum, c) => sum + c.chainCount, 0)).toBe(30);
    const clusterCodes = new Set(clusters.body.items.map((c) => c.code));
    expect(advantage.body.items.every((c) => clusterCodes.has(c.clusterCode))).toBe(true);
  });

  it('serves the whole 2022 catalogue with its codes and groups, and finds occupations by name, code, old name and alias', async () => {
    const all = await get<{ items: Occupation[]; total: number }>('/api/occupations?limit=1');
    expect(all.body.total).toBeGreaterThanOrEqual(1636);
    const codeOf = async (name: string) => (await get<{ items: Occupation[] }>(`/api/occupations?q=${encodeURIComponent(name)}&limit=1`)).body.items[0];
    for (const [name, code] of <[string, string][]>[
      ['质检员', '6-31-03-05'],
      ['工业机器人系统操作员', '6-31-07-03'],
      ['钻床工', '6-18-01-06'],
      ['婴幼儿发展引导员', '4-10-01-01'],
      ['焊工', '6-18-02-04'],
    ])
      expect((await codeOf(name))?.code, name).toBe(code);
    const welder = await codeOf('焊工');
    expect(welder).toMatchObject({
      majorGroup: { code: '6', name: '生产制造及有关人员' },
      middleGroup: { code: '6-18', name: '机械制造基础加工人员' },
      minorGroup: { code: '6-18-02', name: '机械热加工人员' },
      profileSource: 'curated',
    });
    expect(welder?.skills.length).toBeGreaterThan(3);
    // An old name resolves to the 2022 occupation, and so does a code search.
    expect((await codeOf('育婴员'))?.code).toBe('4-10-01-01');
    expect((await codeOf('4-04-05-05'))?.name).toBe('人工智能训练师');
    const marked = await get<{ items: Occupation[] }>('/api/occupations?q=2-02-02-03');
    expect(marked.body.items[0]).toMatchObject({ name: '摄影测量与遥感工程技术人员', marks: 'LS', digital: true });
  });

  it('serves the hierarchy 大类 → 中类 → 小类 with counts that add up to the catalogue', async () => {
    const { status, body } = await get<{ total: number; groups: OccupationTreeNode[] }>('/api/occupations/tree');
    expect(status).toBe(200);
    const all = await get<{ total: number }>('/api/occupations?limit=1');
    expect(body.total).toBe(all.body.total);
    expect(body.groups.map((g) => g.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const check = (node: OccupationTreeNode) => {
      if (node.children.length > 0) expect(node.occupations).toBe(node.children.reduce((sum, c) => sum + c.occupations, 0));
      for (const c of node.children) {
        expect(c.code.startsWith(`${node.code}-`)).toBe(true);
        check(c);
      }
    };
    body.groups.forEach(check);
    const trades = body.groups.find((g) => g.code === '6');
    const [row] = await api.database.client.rows<{ n: number }>(sql`select count(*)::int as n from occupations where code like '6-%'`);
    expect(trades?.occupations).toBe(row?.n);
    expect(trades?.children.find((c) => c.code === '6-18')?.children.find((c) => c.code === '6-18-02')?.name).toBe('机械热加工人员');
  });

  it("lists a chain's occupations from the chain → occupation matrix", async () => {
    const chain = await get<{ items: Occupation[]; total: number }>('/api/occupations?chain=CH01&limit=100');
    expect(chain.body.total).toBeGreaterThanOrEqual(8);
    const [row] = await api.database.client.rows<{ n: number }>(sql`select count(*)::int as n from chain_occupations where chain_code = 'CH01'`);
    expect(chain.body.total).toBe(row?.n);
    expect((await get('/api/occupations?chain=NOPE')).status).toBe(400);
  });

  it('has at least 400 skills and finds them by alias', async () => {
    const all = await get<{ items: Skill[]; total: number }>('/api/skills?limit=1');
    expect(all.body.total).toBeGreaterThanOrEqual(400);
    const alias = await get<{ items: Skill[] }>(`/api/skills?q=${encodeURIComponent('二保焊')}`);
    expect(alias.body.items.length).toBeGreaterThan(0);
    expect(alias.body.items[0]?.aliases).toContain('二保焊');
  });

  it('treats search wildcards literally', async () => {
    const { status, body } = await get<{ items: Skill[]; total: number }>('/api/skills?q=%25%25');
    expect(status).toBe(200);
    expect(body.total).toBe(0);
  });
});

describe(`errors on ${testDriver}`, () => {
  it('names the bad query parameter in a 400', async () => {
    const { status, body } = await get<{ error: { code: string; message: string } }>('/api/regions?level=street');
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toContain('level');
    const limit = await get<{ error: { code: string; message: string } }>('/api/occupations?limit=0');
    expect(limit.status).toBe(400);
    expect(limit.body.error.message).toContain('limit');
  });

  it('answers 400 for an unknown parent region and 404 for an unknown route, without stacks', async () => {
    const parent = await get<{ error: { code: string; message: string } }>('/api/regions?level=district&parent=999999');
    expect(parent.status).toBe(400);
    expect(parent.body.error.message).toContain('parent');
    const res = await api.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no route for GET /api/nowhere' } });
    expect(res.body).not.toContain('    at ');
  });

  it('publishes an OpenAPI document generated from the zod schemas', async () => {
    const { status, body } = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/regions', '/api/occupations', '/api/skills', '/api/chains', '/api/clusters']),
    );
    const docs = await api.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});
