import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { ConflictError, DEMO_USERNAMES, InvalidInputError, apiTokenSchema, demoAccountsSchema, meSchema, type ApiToken } from '@talentmap/core';
import { buildApp } from '@talentmap/server';
import { UsageError, userCreate } from '@talentmap/server/cli/user-create';
import { DEMO_PASSWORD_FOR_TESTS, TEST_PII_KEYS, testDriver } from '../support/database.js';
import { buildTestApp, TEST_SESSION_SECRET } from '../support/app.js';
import { cookieOf, signIn, useApi } from '../support/api.js';

const api = useApi();
type ApiError = { error: { code: string; message: string; details?: unknown } };

const inject = (options: InjectOptions) => api.app.inject(options);
const login = (username: string, password: string, extra: Partial<InjectOptions> = {}) =>
  inject({ ...extra, method: 'POST', url: '/api/auth/login', payload: { username, password } });
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** The session id inside a signed cookie `tm_session=<id>.<signature>`. */
const sessionIdOf = (cookie: string) => {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  return value.slice(0, value.lastIndexOf('.'));
};
const count = async (query: ReturnType<typeof sql>) => (await api.database.client.rows<{ n: number }>(query))[0]?.n;

/** Runs `work` with the dataset labelled as imported, then puts the synthetic label back. */
async function asImportedDataset(work: () => Promise<void>): Promise<void> {
  const { client } = api.database;
  await client.rows(sql`update dataset_meta set value = jsonb_set(value, '{kind}', '"imported"') where key = 'dataset'`);
  try {
    await work();
  } finally {
    await client.rows(sql`update dataset_meta set value = jsonb_set(value, '{kind}', '"synthetic-demo"') where key = 'dataset'`);
  }
}

describe(`sign-in and sessions on ${testDriver}`, () => {
  it('signs in with an HttpOnly, SameSite=Lax session cookie on /api and answers the account with a CSRF token', async () => {
    const res = await login('planner', DEMO_PASSWORD_FOR_TESTS);
    expect(res.statusCode).toBe(200);
    const me = meSchema.parse(res.json());
    expect(me).toMatchObject({ username: 'planner', role: 'planner', scope: { kind: 'region', regionCode: '320000' } });
    expect(me.csrfToken.length).toBeGreaterThan(10);
    expect(res.headers['cache-control']).toBe('no-store');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^tm_session=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/api');
    expect(setCookie).not.toContain('Secure');

    const cookie = cookieOf(res.headers['set-cookie']);
    const again = await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(again.statusCode).toBe(200);
    expect(meSchema.parse(again.json())).toMatchObject({ username: 'planner', role: 'planner' });
    // The store keeps a hash of the session id, never the id itself.
    const sid = sessionIdOf(cookie);
    expect(await count(sql`select count(*)::int as n from sessions where sid_hash = ${sha256(sid)}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from sessions where sid_hash = ${sid} or data::text like ${`%${sid}%`}`)).toBe(0);
  });

  it('marks the cookie Secure when the request came over https (through a trusted proxy)', async () => {
    const app = await buildApp({
      piiKeys: TEST_PII_KEYS,
      client: api.database.client,
      serveWeb: false,
      config: { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: 100_000, SESSION_SECRET: TEST_SESSION_SECRET, TRUST_PROXY: ['127.0.0.1'] },
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'admin', password: DEMO_PASSWORD_FOR_TESTS },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toContain('Secure');
    } finally {
      await app.close();
    }
  });

  it('answers /me with 401 UNAUTHENTICATED without a session or with a cookie it did not sign', async () => {
    for (const headers of [{}, { cookie: 'tm_session=forged.signature' }]) {
      const res = await inject({ method: 'GET', url: '/api/auth/me', headers });
      expect(res.statusCode).toBe(401);
      expect((res.json() as ApiError).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('gives one generic 401 for a wrong password and for an unknown user, and a 400 for a bad body', async () => {
    const wrong = await login('planner', 'not-the-password', { remoteAddress: '10.1.0.1' });
    const unknown = await login('nobody-here', 'not-the-password', { remoteAddress: '10.1.0.1' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const bad = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'planner' } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ApiError).error.message).toContain('password');
  });

  it('signs out: the session ends, its row goes and the cookie is cleared; signing out needs the CSRF token', async () => {
    const { cookie, csrfToken } = await signIn(api.app, 'admin');
    const forged = await inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(forged.statusCode).toBe(403);
    const res = await inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/^tm_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect(await count(sql`select count(*)::int as n from sessions where sid_hash = ${sha256(sessionIdOf(cookie))}`)).toBe(0);
    // Nobody signed in may sign out too: nothing happens.
    expect((await inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });

  it('gives a new session id at every sign-in (a planted id is worth nothing)', async () => {
    const first = await signIn(api.app, 'planner');
    const second = await signIn(api.app, 'planner', DEMO_PASSWORD_FOR_TESTS, { headers: { cookie: first.cookie } });
    expect(second.cookie).not.toBe(first.cookie);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
  });
});

describe(`throttling on ${testDriver}`, () => {
  /** A separate app: the failures it counts stay out of the other tests. */
  async function withFreshApp(work: (app: FastifyInstance) => Promise<void>) {
    const app = await buildTestApp(api.database.client);
    try {
      await work(app);
    } finally {
      await app.close();
    }
  }
  const attempt = (app: FastifyInstance, username: string, password: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

  it('refuses a username after 10 failures in 15 minutes, even with the right password, with 429 and Retry-After', async () => {
    await withFreshApp(async (app) => {
      for (let i = 0; i < 10; i++) expect((await attempt(app, 'planner-suzhou', `wrong-${i}`, `10.2.0.${i}`)).statusCode).toBe(401);
      const blocked = await attempt(app, 'planner-suzhou', DEMO_PASSWORD_FOR_TESTS, '10.2.1.1');
      expect(blocked.statusCode).toBe(429);
      expect((blocked.json() as ApiError).error.code).toBe('RATE_LIMITED');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await attempt(app, 'admin', DEMO_PASSWORD_FOR_TESTS, '10.2.1.1')).statusCode).toBe(200);
    });
  });

  it('refuses an address after 30 failures across usernames', async () => {
    await withFreshApp(async (app) => {
      for (let i = 0; i < 30; i++) expect((await attempt(app, `sprayed-${i}`, 'wrong-password', '10.3.0.1')).statusCode).toBe(401);
      expect((await attempt(app, 'admin', DEMO_PASSWORD_FOR_TESTS, '10.3.0.1')).statusCode).toBe(429);
      expect((await attempt(app, 'admin', DEMO_PASSWORD_FOR_TESTS, '10.3.0.2')).statusCode).toBe(200);
    });
  });
});

describe(`CSRF and bearer tokens on ${testDriver}`, () => {
  const candidates = { occupationCode: '6-18-02-04', limit: 3 };

  it('refuses a cookie-authenticated write without the CSRF token with 403 in the error shape, and passes it with the token', async () => {
    const { cookie, csrfToken } = await signIn(api.app, 'planner');
    const post = (headers: Record<string, string>, url = '/api/match/candidates', payload: object = candidates) =>
      inject({ method: 'POST', url, payload, headers: { cookie, ...headers } });
    for (const res of [await post({}), await post({ 'x-csrf-token': 'not-the-token' }), await post({}, '/api/occupations/classify', { text: '焊工' })]) {
      expect(res.statusCode).toBe(403);
      expect((res.json() as ApiError).error).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await post({ 'x-csrf-token': csrfToken })).statusCode).toBe(200);
    // /me hands out a token for the same session.
    const me = meSchema.parse((await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json());
    expect((await post({ 'x-csrf-token': me.csrfToken })).statusCode).toBe(200);
    // Nobody signed in has no session to forge a write with: public writes need no token.
    expect((await inject({ method: 'POST', url: '/api/occupations/classify', payload: { text: '焊工' } })).statusCode).toBe(200);
  });

  it('issues a bearer token once, stores only its hash, and serves it without CSRF until revoked', async () => {
    const { cookie, csrfToken } = await signIn(api.app, 'enterprise-demo');
    const issue = (headers: Record<string, string>) => inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: '招聘脚本' }, headers });
    expect((await issue({ cookie })).statusCode).toBe(403);
    expect((await issue({})).statusCode).toBe(401);
    const res = await issue({ cookie, 'x-csrf-token': csrfToken });
    expect(res.statusCode).toBe(201);
    const token: ApiToken = apiTokenSchema.parse(res.json());
    expect(token).toMatchObject({ name: '招聘脚本' });
    expect(token.token).toMatch(/^tm_[\w-]{40,}$/);
    expect(await count(sql`select count(*)::int as n from api_tokens where token_hash = ${sha256(token.token)} and last_used_at is null`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from api_tokens where token_hash = ${token.token} or name = ${token.token}`)).toBe(0);

    const authorization = `Bearer ${token.token}`;
    const me = await inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'enterprise-demo', role: 'enterprise', csrfToken: '' });
    expect((await inject({ method: 'POST', url: '/api/match/candidates', payload: candidates, headers: { authorization } })).statusCode).toBe(200);
    expect(await count(sql`select count(*)::int as n from api_tokens where token_hash = ${sha256(token.token)} and last_used_at is not null`)).toBe(1);

    for (const bad of ['Bearer tm_not-a-token', 'Basic YWRtaW46YWRtaW4=', 'Bearer']) {
      const res = await inject({ method: 'GET', url: '/api/health', headers: { authorization: bad } });
      expect(res.statusCode).toBe(401);
      expect((res.json() as ApiError).error.code).toBe('UNAUTHENTICATED');
    }
    await api.database.client.rows(sql`update api_tokens set revoked_at = now() where token_hash = ${sha256(token.token)}`);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: { authorization } })).statusCode).toBe(401);
  });
});

describe(`demo accounts on ${testDriver}`, () => {
  it('lists the demo accounts with Chinese labels while the dataset is synthetic, each signing in with DEMO_PASSWORD', async () => {
    const res = await inject({ method: 'GET', url: '/api/auth/demo-accounts' });
    expect(res.statusCode).toBe(200);
    const { items } = demoAccountsSchema.parse(res.json());
    expect(items.map((a) => a.username)).toEqual([...DEMO_USERNAMES]);
    expect(items.find((a) => a.username === 'planner')?.label).toBe('省级规划者（全省）');
    expect(items.find((a) => a.username === 'planner-suzhou')).toMatchObject({
      scope: { kind: 'region', regionCode: '320500' },
      label: '市级规划者（苏州市）',
    });
    for (const a of items) expect(a.label).toMatch(/[\u4e00-\u9fff]/);
    const enterprise = items.find((a) => a.username === 'enterprise-demo')?.scope;
    expect(enterprise?.kind).toBe('enterprise');
    const enterpriseId = enterprise?.kind === 'enterprise' ? enterprise.enterpriseId : 0;
    expect(await count(sql`select count(*)::int as n from vacancies where enterprise_id = ${enterpriseId} and filled_on is null`)).toBeGreaterThan(0);
    for (const username of DEMO_USERNAMES) expect((await signIn(api.app, username)).me.username).toBe(username);
  });

  it('answers 404 for the demo accounts on a dataset that is not synthetic, and needs SESSION_SECRET there', async () => {
    await asImportedDataset(async () => {
      const app = await buildTestApp(api.database.client);
      try {
        const res = await app.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
        expect(res.statusCode).toBe(404);
        expect((res.json() as ApiError).error.code).toBe('NOT_FOUND');
      } finally {
        await app.close();
      }
      await expect(
        buildApp({ piiKeys: TEST_PII_KEYS, client: api.database.client, serveWeb: false, config: { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: 1000 } }),
      ).rejects.toThrow(/SESSION_SECRET/);
    });
  });

  it('starts the synthetic demo without SESSION_SECRET (a random secret per start)', async () => {
    const app = await buildApp({
      piiKeys: TEST_PII_KEYS,
      client: api.database.client,
      serveWeb: false,
      config: { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: 1000 },
    });
    try {
      const { cookie } = await signIn(app, 'admin');
      expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
      // Another secret: this app's cookies mean nothing to the other app.
      expect((await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe(`pnpm user:create on ${testDriver}`, () => {
  const run = (argv: string[], password = 'a-long-enough-password\n') =>
    userCreate(argv, { input: Readable.from([password]), interactive: false }, api.database.client);

  it('creates an account that can sign in, with a scrypt hash and its scope', async () => {
    const created = await run(['--role', 'planner', '--username', 'cli-planner', '--region', '320500', '--password-stdin']);
    expect(created).toMatchObject({ username: 'cli-planner', role: 'planner' });
    const [row] = await api.database.client.rows<{ password_hash: string }>(sql`select password_hash from accounts where username = 'cli-planner'`);
    expect(row?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const { me } = await signIn(api.app, 'cli-planner', 'a-long-enough-password');
    expect(me.scope).toEqual({ kind: 'region', regionCode: '320500' });
    const admin = await run(['--role', 'admin', '--username', 'cli-admin'], 'another-long-password\n');
    expect((await signIn(api.app, 'cli-admin', 'another-long-password')).me).toMatchObject({ role: 'admin', scope: { kind: 'none' } });
    expect(admin.id).toBeGreaterThan(created.id);
  });

  it('refuses bad arguments, a short password, a scope that does not exist and a taken username', async () => {
    const fails = async (argv: string[], error: new (...args: never[]) => Error, password?: string) =>
      expect(run(argv, password)).rejects.toBeInstanceOf(error);
    await fails(['--role', 'planner', '--username', 'no-scope'], UsageError);
    await fails(['--role', 'admin', '--username', 'scoped-admin', '--region', '320500'], UsageError);
    await fails(['--role', 'boss', '--username', 'bad-role'], UsageError);
    await fails(['--role', 'admin', '--username', 'Bad Name'], UsageError);
    await fails(['--role', 'admin', '--username', 'short-pw'], UsageError, 'short\n');
    await fails(['--role', 'admin', '--username', 'unknown-flag', '--what'], UsageError);
    await fails(['--role', 'planner', '--username', 'district-planner', '--region', '320505'], InvalidInputError);
    await fails(['--role', 'enterprise', '--username', 'ghost-firm', '--enterprise', '99999999'], InvalidInputError);
    await fails(['--role', 'admin', '--username', 'admin'], ConflictError);
  });

  it('shuts a disabled account out: no sign-in (the generic 401), and its sessions stop working', async () => {
    await run(['--role', 'admin', '--username', 'cli-leaver'], 'leaving-password\n');
    const { cookie } = await signIn(api.app, 'cli-leaver', 'leaving-password');
    await api.database.client.rows(sql`update accounts set disabled_at = now() where username = 'cli-leaver'`);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const res = await login('cli-leaver', 'leaving-password', { remoteAddress: '10.4.0.1' });
    expect(res.statusCode).toBe(401);
    expect((res.json() as ApiError).error.message).toBe('用户名或密码错误');
  });
});
