import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ACCESS, TALENT_LEVEL, type RouteKey, type Viewer } from '@talentmap/core';
import { hashPassword } from '@talentmap/core/password';
import { AccountRepository, ImportRepository } from '@talentmap/db';
import { buildApp } from '@talentmap/server';
import { DEMO_PASSWORD_FOR_TESTS, TEST_PII_KEYS, testDriver } from '../support/database.js';
import { TEST_SESSION_SECRET } from '../support/app.js';
import { signIn, useApi } from '../support/api.js';

/**
 * Every route declared in packages/core/src/access.ts, called as every viewer: the demo accounts,
 * nobody, and accounts of the wrong scope (a 南京 planner, another enterprise, another
 * institution). The expected answer comes from the declaration (401 for nobody, 403 for a role
 * not listed, a 2xx otherwise) unless a sample names a scope rule's answer. Viewers call with
 * bearer tokens, so the sign-in and sign-out samples leave the other rows' credentials alone;
 * auth.test.ts covers the session cookie, which resolves to the same viewer.
 */
const api = useApi();

const VIEWERS = {
  anonymous: 'anonymous',
  admin: 'admin',
  planner: 'planner',
  'planner-suzhou': 'planner',
  'planner-nanjing': 'planner',
  'enterprise-demo': 'enterprise',
  'enterprise-other': 'enterprise',
  'institution-demo': 'institution',
  'institution-other': 'institution',
} as const satisfies Record<string, Viewer>;
type ViewerName = keyof typeof VIEWERS;

/** Ids the samples need, found in the seeded data. */
interface Fixtures {
  /** institution-demo's institution (in 苏州). */
  institutionId: number;
  /** A talent living in 苏州, by the pseudonym each viewer was issued (pseudonyms are per viewer). */
  suzhouTalent: Map<ViewerName, string>;
  /** enterprise-demo's request to contact that talent. */
  contactRequestId: number;
  /** One of enterprise-demo's vacancies and one of institution-demo's programs. */
  vacancyId: number;
  programId: number;
  /** An admin's import (failed: its file is gone), which no enterprise or institution sees. */
  importId: number;
}

type Expected = 'ok' | 400 | 401 | 403 | 404;
interface Sample {
  label: string;
  url: string | ((f: Fixtures, viewer: ViewerName) => string);
  body?: object | ((f: Fixtures, viewer: ViewerName) => object);
  /** A scope rule's answer for some viewers, where it differs from the declaration's. */
  expect?: Partial<Record<ViewerName, Expected>>;
}

const welders = { occupationCode: '6-18-02-04', limit: 3 };
/** Outside 南京's and 苏州's planners' own city: what the city planner of the other city may not see. */
const NOT_SUZHOU = { 'planner-nanjing': 404 } as const;
/** One talent's gap: the match service admits TALENT_LEVEL roles only, and a planner of another city does not find the talent. */
const talentLevel = Object.fromEntries(
  Object.entries(VIEWERS)
    .filter(([, role]) => !TALENT_LEVEL.includes(role))
    .map(([name, role]) => [name, role === 'anonymous' ? 401 : 403]),
) as Partial<Record<ViewerName, Expected>>;

const q = encodeURIComponent;
/** An admin's import is a 404 to every enterprise and institution. */
const NOT_THEIRS = { 'enterprise-demo': 404, 'enterprise-other': 404, 'institution-demo': 404, 'institution-other': 404 } as const;
const OWNERS_AND_ADMIN_400 = { admin: 400, 'enterprise-demo': 400, 'enterprise-other': 400, 'institution-demo': 400, 'institution-other': 400 } as const;
const SAMPLES: Record<RouteKey, Sample[]> = {
  'GET /api/health': [{ label: 'health', url: '/api/health' }],
  'GET /api/openapi.json': [{ label: 'OpenAPI', url: '/api/openapi.json' }],
  'GET /api/regions': [{ label: 'cities', url: '/api/regions?level=city' }],
  'GET /api/clusters': [{ label: 'clusters', url: '/api/clusters' }],
  'GET /api/chains': [{ label: 'chains', url: '/api/chains' }],
  'GET /api/grades': [{ label: 'grades', url: '/api/grades' }],
  'GET /api/occupations': [{ label: 'search', url: `/api/occupations?q=${q('焊工')}` }],
  'GET /api/occupations/tree': [{ label: 'the hierarchy', url: '/api/occupations/tree' }],
  'POST /api/occupations/classify': [{ label: 'an advert', url: '/api/occupations/classify', body: { text: '招聘二保焊技工' } }],
  'GET /api/occupations/:code/related': [{ label: '焊工', url: '/api/occupations/6-18-02-04/related?limit=3' }],
  'GET /api/skills': [{ label: 'search', url: `/api/skills?q=${q('焊')}` }],
  'GET /api/map/talents': [{ label: 'hexagons', url: '/api/map/talents?cellKm=20' }],
  'GET /api/map/enterprises': [{ label: 'points', url: '/api/map/enterprises' }],
  'GET /api/shortage/heatmap': [{ label: 'cities', url: '/api/shortage/heatmap' }],
  'GET /api/shortage/timeseries': [{ label: 'province', url: '/api/shortage/timeseries' }],
  'GET /api/shortage/catalog': [{ label: 'province', url: '/api/shortage/catalog' }],
  'POST /api/shortage/catalog/publications': [
    { label: '苏州', url: '/api/shortage/catalog/publications', body: { region: '320500' }, expect: { 'planner-nanjing': 403 } },
  ],
  'GET /api/shortage/catalog/publications': [{ label: 'all', url: '/api/shortage/catalog/publications' }],
  'GET /api/shortage/catalog/publications/:id': [{ label: 'the first', url: '/api/shortage/catalog/publications/1' }],
  'GET /api/indicators': [{ label: '专栏1', url: '/api/indicators' }],
  'GET /api/forecast': [{ label: 'province', url: '/api/forecast' }],
  'GET /api/institutions': [{ label: '苏州', url: '/api/institutions?region=320500' }],
  'GET /api/institutions/:id/fit': [
    { label: "institution-demo's (苏州)", url: (f) => `/api/institutions/${f.institutionId}/fit`, expect: { ...NOT_SUZHOU, 'institution-other': 404 } },
  ],
  'POST /api/match/candidates': [
    { label: 'welders', url: '/api/match/candidates', body: welders },
    { label: 'welders in 南京', url: '/api/match/candidates', body: { ...welders, regionCode: '320100' }, expect: { 'planner-suzhou': 403 } },
    {
      label: 'welders near 新街口',
      url: '/api/match/candidates',
      body: { ...welders, near: { lng: 118.78, lat: 32.04, radiusKm: 20 } },
      expect: { 'planner-suzhou': 403 },
    },
  ],
  'POST /api/match/programs': [
    { label: 'an occupation gap', url: '/api/match/programs', body: welders },
    {
      label: "a 苏州 talent's gap",
      url: '/api/match/programs',
      body: (f, viewer) => ({ ...welders, talentId: f.suzhouTalent.get(viewer) }),
      expect: { ...talentLevel, ...NOT_SUZHOU },
    },
  ],
  'GET /api/talents/:id/pathways': [{ label: 'a 苏州 talent', url: (f, viewer) => `/api/talents/${f.suzhouTalent.get(viewer)}/pathways`, expect: NOT_SUZHOU }],
  'POST /api/auth/login': [{ label: 'planner', url: '/api/auth/login', body: { username: 'planner', password: DEMO_PASSWORD_FOR_TESTS } }],
  'POST /api/auth/logout': [{ label: 'sign out', url: '/api/auth/logout' }],
  'GET /api/auth/me': [{ label: 'me', url: '/api/auth/me', expect: { anonymous: 401 } }],
  'GET /api/auth/demo-accounts': [{ label: 'demo accounts', url: '/api/auth/demo-accounts' }],
  'POST /api/auth/tokens': [{ label: 'a token', url: '/api/auth/tokens', body: { name: '矩阵测试' } }],
  'GET /api/audit-log': [{ label: 'the log', url: '/api/audit-log?limit=5' }],
  'GET /api/imports/templates/:kind': [
    { label: 'vacancies', url: '/api/imports/templates/vacancies?format=csv', expect: { 'institution-demo': 403, 'institution-other': 403 } },
  ],
  // A JSON body is not a form: whoever may upload gets the 400, everyone else the declaration's answer.
  'POST /api/imports': [{ label: 'a JSON body', url: '/api/imports', body: { kind: 'talents' }, expect: OWNERS_AND_ADMIN_400 }],
  'GET /api/imports': [{ label: 'the list', url: '/api/imports?limit=5' }],
  'GET /api/imports/:id': [{ label: "an admin's", url: (f) => `/api/imports/${f.importId}`, expect: NOT_THEIRS }],
  'GET /api/imports/:id/errors': [{ label: "an admin's report", url: (f) => `/api/imports/${f.importId}/errors?format=csv`, expect: NOT_THEIRS }],
  'POST /api/imports/:id/retry': [
    { label: "an admin's, its file gone", url: (f) => `/api/imports/${f.importId}/retry`, body: {}, expect: { ...NOT_THEIRS, admin: 400 } },
  ],
  'GET /api/vacancies': [{ label: 'its own', url: '/api/vacancies?limit=5' }],
  'POST /api/vacancies': [
    { label: 'a welder', url: '/api/vacancies', body: { title: '焊工', occupationCode: '6-18-02-04', grade: 4, headcount: 2, wageMin: 7000, wageMax: 9000 } },
  ],
  'GET /api/vacancies/:id': [{ label: "enterprise-demo's", url: (f) => `/api/vacancies/${f.vacancyId}`, expect: { ...NOT_SUZHOU, 'enterprise-other': 404 } }],
  'PATCH /api/vacancies/:id': [
    { label: "enterprise-demo's", url: (f) => `/api/vacancies/${f.vacancyId}`, body: { headcount: 3 }, expect: { 'enterprise-other': 404 } },
  ],
  'GET /api/programs': [{ label: 'its own', url: '/api/programs?limit=5' }],
  'POST /api/vacancies/:id/candidates': [
    {
      label: "enterprise-demo's",
      url: (f) => `/api/vacancies/${f.vacancyId}/candidates`,
      body: { limit: 3 },
      expect: { ...NOT_SUZHOU, 'enterprise-other': 404 },
    },
  ],
  'POST /api/programs': [
    { label: 'a welding course', url: '/api/programs', body: { name: '焊工培训', occupationCodes: ['6-18-02-04'], grade: 4, hours: 120, capacity: 30 } },
  ],
  'GET /api/programs/:id': [{ label: "institution-demo's", url: (f) => `/api/programs/${f.programId}`, expect: { ...NOT_SUZHOU, 'institution-other': 404 } }],
  'PATCH /api/programs/:id': [
    { label: "institution-demo's", url: (f) => `/api/programs/${f.programId}`, body: { hours: 160 }, expect: { 'institution-other': 404 } },
  ],
  'POST /api/contact-requests': [
    { label: 'a 苏州 candidate', url: '/api/contact-requests', body: (f, viewer) => ({ talentId: f.suzhouTalent.get(viewer), message: '诚邀面试' }) },
  ],
  'GET /api/contact-requests': [{ label: 'mine', url: '/api/contact-requests' }],
  'PATCH /api/contact-requests/:id': [
    { label: 'about a 苏州 talent', url: (f) => `/api/contact-requests/${f.contactRequestId}`, body: { status: 'forwarded' }, expect: NOT_SUZHOU },
  ],
};

function expectedFor(key: RouteKey, sample: Sample, viewer: ViewerName): Expected {
  const scoped = sample.expect?.[viewer];
  if (scoped !== undefined) return scoped;
  const role = VIEWERS[viewer];
  if ((ACCESS[key] as readonly Viewer[]).includes(role)) return 'ok';
  return role === 'anonymous' ? 401 : 403;
}

let fixtures: Fixtures;
const authorization = new Map<ViewerName, string>();

/** The wrong-scope accounts, then a bearer token for every signed-in viewer (issued through the API). */
beforeAll(async () => {
  const { client } = api.database;
  const [demo] = await client.rows<{ enterprise_id: number; institution_id: number }>(sql`
    select (select enterprise_id from accounts where username = 'enterprise-demo') as enterprise_id,
           (select institution_id from accounts where username = 'institution-demo') as institution_id`);
  const [other] = await client.rows<{ enterprise: number; institution: number }>(sql`
    select (select min(id) from enterprises where id <> ${demo!.enterprise_id}) as enterprise,
           (select min(institution_id) from programs where institution_id <> ${demo!.institution_id}) as institution`);
  const [talent] = await client.rows<{ id: number }>(sql`
    select t.id from talents t join regions r on r.code = t.region_code where r.parent_code = '320500' order by t.id limit 1`);
  // Nobody signed in is refused before any lookup: it gets a well-formed pseudonym issued to nobody.
  const [records] = await client.rows<{ vacancy: number; program: number }>(sql`
    select (select min(id) from vacancies where enterprise_id = ${demo!.enterprise_id}) as vacancy,
           (select min(id) from programs where institution_id = ${demo!.institution_id}) as program`);
  fixtures = {
    institutionId: Number(demo!.institution_id),
    suzhouTalent: new Map([['anonymous', `P${'A'.repeat(26)}`]]),
    contactRequestId: 0,
    vacancyId: Number(records!.vacancy),
    programId: Number(records!.program),
    importId: await new ImportRepository(client).createJob({
      kind: 'talents',
      mode: 'all-or-nothing',
      fileName: 'gone.csv',
      filePath: '/nonexistent/gone.csv',
      fileBytes: 1,
      accountId: null,
      username: 'admin',
      enterpriseId: null,
      institutionId: null,
    }),
  };
  // As if it had run and failed: the worker leaves it alone.
  await client.rows(sql`update import_jobs set status = 'failed', phase = 'done' where id = ${fixtures.importId}`);

  const accounts = new AccountRepository(client);
  const passwordHash = await hashPassword(DEMO_PASSWORD_FOR_TESTS);
  await accounts.create({ username: 'planner-nanjing', passwordHash, role: 'planner', regionCode: '320100' });
  await accounts.create({ username: 'enterprise-other', passwordHash, role: 'enterprise', enterpriseId: Number(other!.enterprise) });
  await accounts.create({ username: 'institution-other', passwordHash, role: 'institution', institutionId: Number(other!.institution) });

  for (const viewer of Object.keys(VIEWERS) as ViewerName[]) {
    if (viewer === 'anonymous') continue;
    const { cookie, csrfToken } = await signIn(api.app, viewer);
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'access matrix' },
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    const token = (res.json() as { token: string }).token;
    authorization.set(viewer, `Bearer ${token}`);
    const context = await api.app.accountService.viewerOfToken(token);
    if (!context) throw new Error(`the token issued to ${viewer} does not sign in`);
    fixtures.suzhouTalent.set(viewer, api.app.matchService.pseudonymFor(Number(talent!.id), context));
    if (viewer === 'enterprise-demo')
      fixtures.contactRequestId = (
        await api.app.contactRequestService.create(context, { talentId: fixtures.suzhouTalent.get(viewer) as string, message: '矩阵测试' })
      ).id;
  }
});

describe(`the access declaration on ${testDriver}`, () => {
  it('has a sample request for every declared route, and every declared route exists', () => {
    const keys = Object.keys(ACCESS) as RouteKey[];
    expect(keys.filter((key) => !(SAMPLES[key]?.length > 0))).toEqual([]);
    for (const key of keys) {
      const [method, url] = key.split(' ') as [string, string];
      expect(api.app.hasRoute({ method, url }), key).toBe(true);
    }
  });

  it('stops the server at start-up when an /api route is not declared', async () => {
    const app = await buildApp({
      piiKeys: TEST_PII_KEYS,
      client: api.database.client,
      serveWeb: false,
      config: { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: 1000, SESSION_SECRET: TEST_SESSION_SECRET },
    });
    try {
      expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/GET \/api\/undeclared has no entry in ACCESS/);
      expect(() => app.get('/not-the-api', async () => ({}))).not.toThrow();
    } finally {
      await app.close();
    }
  });

  it('answers HEAD as it answers GET', async () => {
    const head = await api.app.inject({ method: 'HEAD', url: `/api/institutions/${fixtures.institutionId}/fit` });
    expect(head.statusCode).toBe(401);
    expect((await api.app.inject({ method: 'HEAD', url: '/api/health' })).statusCode).toBe(200);
  });
});

const cases = (Object.keys(SAMPLES) as RouteKey[]).flatMap((key) =>
  SAMPLES[key].flatMap((sample) =>
    (Object.keys(VIEWERS) as ViewerName[]).map((viewer) => ({ key, sample, viewer, expected: expectedFor(key, sample, viewer) })),
  ),
);

describe.each([...new Set(cases.map((c) => c.key))])(`%s on ${testDriver}`, (key) => {
  it.each(cases.filter((c) => c.key === key).map((c) => ({ ...c, label: c.sample.label })))(
    '$label as $viewer → $expected',
    async ({ sample, viewer, expected }) => {
      const [method] = key.split(' ') as ['GET' | 'POST' | 'PATCH'];
      const url = typeof sample.url === 'function' ? sample.url(fixtures, viewer) : sample.url;
      const body = typeof sample.body === 'function' ? sample.body(fixtures, viewer) : sample.body;
      const token = authorization.get(viewer);
      const res = await api.app.inject({ method, url, ...(body ? { payload: body } : {}), headers: token ? { authorization: token } : {} });
      const detail = `${key} (${sample.label}) as ${viewer}: ${res.statusCode} ${res.body.slice(0, 200)}`;
      if (expected === 'ok') expect(res.statusCode >= 200 && res.statusCode < 300, detail).toBe(true);
      else {
        expect(res.statusCode, detail).toBe(expected);
        expect((res.json() as { error: { code: string } }).error.code).toBe(
          { 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[expected],
        );
      }
    },
  );
});
