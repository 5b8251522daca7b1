import { existsSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { errorCodeSchema, type CandidatesResponse } from '@talentmap/core';
import { buildApp, type AppOptions } from '@talentmap/server';
import { ensureDemoAccounts } from '@talentmap/seed';
// The server package exports the app, not its config; the config's validation is what is tested here.
import { loadConfig } from '../../server/src/config.js';
import { TEST_PII_KEYS, testDriver } from '../support/database.js';
import { useApi } from '../support/api.js';

/**
 * Regression tests for the findings of the security review: each would fail if its finding came
 * back. The fuzz test (fuzz.test.ts) covers the same ground statistically; these pin the cases.
 */
const PASSWORD = 'hardening-test-password';
// The demo accounts get a known password, for the routes that need a signed-in role.
const api = useApi({ prepare: async (database) => void (await ensureDemoAccounts(database.client, PASSWORD)) });

/**
 * Authorization for the provincial planner demo account, which may call every route here: a
 * bearer token (it needs no CSRF token), made once since a sign-in costs a scrypt.
 */
let plannerToken: Promise<string> | undefined;
async function signedIn(): Promise<Record<string, string>> {
  plannerToken ??= api.app.accountService
    .login({ username: 'planner', password: PASSWORD }, '127.0.0.1')
    .then(async (viewer) => (await api.app.accountService.issueToken(viewer, 'hardening test')).token);
  return { authorization: `Bearer ${await plannerToken}` };
}

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** The one error shape, exactly: `{ error: { code, message, details? } }` and nothing beside it. */
function expectErrorShape(body: unknown, code: string): ErrorBody {
  expect(body).toBeTypeOf('object');
  const { error, ...rest } = body as ErrorBody;
  expect(rest).toEqual({});
  const { code: actual, message, details, ...extra } = error;
  expect(extra).toEqual({});
  expect(errorCodeSchema.options).toContain(actual);
  expect(actual).toBe(code);
  expect(message).toBeTypeOf('string');
  expect(message.length).toBeGreaterThan(0);
  return { error: { code: actual, message, ...(details === undefined ? {} : { details }) } };
}

/** The field a 400 blames, whether it came from schema validation (a list of issues) or a domain check. */
function fieldOf(body: ErrorBody): string | undefined {
  const { details } = body.error;
  const first: unknown = Array.isArray(details) ? details[0] : details;
  return typeof first === 'object' && first !== null && 'field' in first && typeof first.field === 'string' ? first.field : undefined;
}

async function get(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, headers: res.headers, text: res.body, json: () => res.json() as unknown };
}

/** A second app over the same database, with the configuration a test needs; closed after it. */
async function withApp(options: { config?: Partial<AppOptions['config']>; serveWeb?: boolean }, run: (app: FastifyInstance) => Promise<void>) {
  const app = await buildApp({
    piiKeys: TEST_PII_KEYS,
    client: api.database.client,
    serveWeb: options.serveWeb ?? false,
    config: { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: 100_000, ...options.config },
  });
  await app.ready();
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

/**
 * Writes bytes on a fresh TCP connection and reads what the server answers until it closes. For
 * what app.inject cannot send: it builds a well-formed request, and never reaches the HTTP parser.
 */
function rawHttp(port: number, request: string, options: { halfClose?: boolean } = {}): Promise<{ status: number; headers: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(request);
      if (options.halfClose) socket.end();
    });
    const timer = setTimeout(() => socket.destroy(new Error('no answer within 5 s')), 5000);
    socket.on('data', (chunk) => chunks.push(chunk));
    // The server closes the connection after a parse error, possibly with our bytes unread (a
    // reset); what it wrote before that has arrived already.
    socket.on('error', (err) => {
      if (chunks.length === 0) reject(err);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1]);
      try {
        resolve({ status, headers: head, body: JSON.parse(rest.join('\r\n\r\n')) });
      } catch {
        reject(new Error(`not a JSON HTTP answer: ${JSON.stringify(text.slice(0, 300))}`));
      }
    });
  });
}

describe(`NUL bytes on ${testDriver} (PostgreSQL text cannot hold them)`, () => {
  // Each of these reached a query and failed there as a 500, or would once its validation loosened.
  it.each([
    ['/api/occupations?q=%00', 'querystring.q'],
    ['/api/skills?q=a%00b', 'querystring.q'],
    ['/api/skills?q=ok&q=%00', 'querystring.q.1'],
    ['/api/institutions?q=%00', 'querystring.q'],
    ['/api/occupations?chain=%00', 'querystring.chain'],
    ['/api/chains?cluster=%00', 'querystring.cluster'],
    ['/api/map/enterprises?chain=x%00', 'querystring.chain'],
    ['/api/map/enterprises?cluster=%00', 'querystring.cluster'],
    ['/api/shortage/heatmap?chain=%00', 'querystring.chain'],
    ['/api/shortage/heatmap?region=32%00', 'querystring.region'],
    ['/api/shortage/timeseries?cluster=%00', 'querystring.cluster'],
    ['/api/shortage/catalog?chain=%00', 'querystring.chain'],
    ['/api/map/talents?occupation=%00', 'querystring.occupation'],
    ['/api/talents/T%0012345/pathways', 'params.id', 'signed in'],
  ] as const)('GET %s is a 400 naming %s', async (url, field, signIn?: 'signed in') => {
    const res = await get(api.app, url, signIn && (await signedIn()));
    expect(res.status).toBe(400);
    expect(fieldOf(expectErrorShape(res.json(), 'BAD_REQUEST'))).toBe(field);
  });

  it.each([
    ['/api/occupations/classify', { text: '焊\u0000工' }, 'body.text'],
    ['/api/match/programs', { occupationCode: '6-18-02-04', regionCode: '3205\u000000' }, 'body.regionCode'],
    // A NUL in a key the schema would strip is rejected too: no client sends one with data.
    ['/api/occupations/classify', { text: '焊工', 'x\u0000': 1 }, 'body'],
    ['/api/match/candidates', { skills: ['焊接', '氩弧\u0000焊'] }, 'body.skills.1', 'signed in'],
  ] as const)('POST %s %j is a 400 naming %s', async (url, payload, field, signIn?: 'signed in') => {
    const res = await api.app.inject({ method: 'POST', url, payload, headers: signIn && (await signedIn()) });
    expect(res.statusCode).toBe(400);
    expect(fieldOf(expectErrorShape(res.json(), 'BAD_REQUEST'))).toBe(field);
  });

  // UTF-8 has no encoding for a lone surrogate: PostgreSQL stores U+FFFD instead, PGlite fails (a 500 on token names).
  it.each([
    ['/api/occupations/classify', { text: '焊工\ud800' }, 'body.text'],
    ['/api/auth/tokens', { name: '\udc00\udc00' }, 'body.name'],
  ])('POST %s %j (a lone surrogate) is a 400 naming %s', async (url, payload, field) => {
    const res = await api.app.inject({ method: 'POST', url, payload, headers: await signedIn() });
    expect(res.statusCode).toBe(400);
    expect(fieldOf(expectErrorShape(res.json(), 'BAD_REQUEST'))).toBe(field);
  });

  it('still accepts the same requests without the NUL, and surrogate pairs (emoji)', async () => {
    expect((await get(api.app, '/api/occupations?q=焊')).status).toBe(200);
    expect((await api.post('/api/occupations/classify', { text: '焊工' })).status).toBe(200);
    expect((await api.post('/api/occupations/classify', { text: '焊工 🔥' })).status).toBe(200);
  });
});

describe(`every error leaves in the one shape on ${testDriver}`, () => {
  it('a URL that does not percent-decode is a 400 blaming the url', async () => {
    for (const url of ['/%E0%A4%A', '/api/%', '/api/occupations/%E0%A4%A/related']) {
      const res = await get(api.app, url);
      expect(res.status, url).toBe(400);
      expect(fieldOf(expectErrorShape(res.json(), 'BAD_REQUEST'))).toBe('url');
    }
  });

  it('a path parameter over the length limit is a 414', async () => {
    const res = await get(api.app, `/api/talents/T${'0'.repeat(200)}/pathways`);
    expect(res.status).toBe(414);
    expectErrorShape(res.json(), 'URI_TOO_LONG');
  });

  it('a body that does not match its Content-Length is a 400 blaming the header', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/occupations/classify',
      payload: '{"text":"焊工"}',
      headers: { 'content-type': 'application/json', 'content-length': '5' },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldOf(expectErrorShape(res.json(), 'BAD_REQUEST'))).toBe('headers.content-length');
  });

  it('the 429 body is exactly the shape (the rate-limit plugin adds nothing)', async () => {
    await withApp({ config: { RATE_LIMIT_PER_MINUTE: 2 } }, async (app) => {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await get(app, '/api/health')).status);
      expect(statuses).toEqual([200, 200, 429]);
      const limited = await get(app, '/api/health');
      expect(limited.status).toBe(429);
      expect(limited.json()).toEqual({
        error: { code: 'RATE_LIMITED', message: expect.stringMatching(/rate limit of 2 requests per minute exceeded; retry in/) },
      });
      expect(limited.headers['retry-after']).toBeDefined();
    });
  });

  // The HTTP parser rejects these before Fastify sees a request, so only a real socket reaches them.
  describe('on a listening server', () => {
    let server: FastifyInstance | undefined;
    let port = 0;
    beforeAll(async () => {
      server = await buildApp({
        piiKeys: TEST_PII_KEYS,
        client: api.database.client,
        serveWeb: false,
        config: { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: 100_000 },
      });
      await server.listen({ port: 0, host: '127.0.0.1' });
      port = (server.server.address() as AddressInfo).port;
    });
    afterAll(async () => server?.close());
    const classify = 'POST /api/occupations/classify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n';

    it('headers over the size limit are a 431 in the shape', async () => {
      const res = await rawHttp(port, `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(res.status).toBe(431);
      expect(res.headers).toMatch(/content-type: application\/json/i);
      expectErrorShape(res.body, 'HEADERS_TOO_LARGE');
    });

    it.each([
      ['not a number', `${classify}Content-Length: abc\r\n\r\n{}`],
      ['given twice, differently', `${classify}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`],
      ['beside Transfer-Encoding', `${classify}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
    ])('a Content-Length %s is a 400 in the shape', async (_, request) => {
      const res = await rawHttp(port, request);
      expect(res.status).toBe(400);
      expect(fieldOf(expectErrorShape(res.body, 'BAD_REQUEST'))).toBe('headers.content-length');
    });

    it('a body shorter than its Content-Length, then the end of the connection, is a 400 in the shape', async () => {
      const res = await rawHttp(port, `${classify}Content-Length: 50\r\n\r\n{"text":"焊工"}`, { halfClose: true });
      expect(res.status).toBe(400);
      expect(fieldOf(expectErrorShape(res.body, 'BAD_REQUEST'))).toBe('body');
    });

    it('bytes that are not HTTP, and a URL that does not decode, are 400s in the shape', async () => {
      expectErrorShape((await rawHttp(port, 'HELLO\u0001 there\r\n\r\n')).body, 'BAD_REQUEST');
      const badUrl = await rawHttp(port, 'GET /%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
      expect(badUrl.status).toBe(400);
      expect(fieldOf(expectErrorShape(badUrl.body, 'BAD_REQUEST'))).toBe('url');
    });
  });
});

describe(`the web app's catch-all on ${testDriver}`, () => {
  const webIndex = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));

  it('answers an unknown /api path in any letter case with a JSON 404, not the HTML app', async () => {
    // Without a build the web plugin registers nothing and this test would pass for nothing.
    expect(existsSync(webIndex), `${webIndex} is missing: build the web app first (pnpm --filter @talentmap/web build)`).toBe(true);
    await withApp({ serveWeb: true }, async (app) => {
      const page = await get(app, '/planner');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect((await get(app, '/api/health')).status).toBe(200);
      for (const url of ['/API/HEALTH', '/Api/Health', '/api/HEALTH', '/API', '/api', '/aPi/unknown?x=1', '/%41PI/health', '/api/nope', '/API/']) {
        const res = await get(app, url);
        expect(res.status, url).toBe(404);
        expect(res.headers['content-type'], url).toMatch(/application\/json/);
        expectErrorShape(res.json(), 'NOT_FOUND');
      }
    });
  });
});

describe(`client addresses and TRUST_PROXY on ${testDriver}`, () => {
  const rotating = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });

  it('by default X-Forwarded-For is ignored: rotating it does not escape the per-address limit', async () => {
    await withApp({ config: { RATE_LIMIT_PER_MINUTE: 3 } }, async (app) => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await get(app, '/api/health', rotating(i))).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    });
  });

  it('with TRUST_PROXY naming the proxy, its X-Forwarded-For is the client', async () => {
    // app.inject connects from 127.0.0.1: here that is the proxy.
    const { TRUST_PROXY } = loadConfig({ TRUST_PROXY: '127.0.0.1' });
    await withApp({ config: { RATE_LIMIT_PER_MINUTE: 3, TRUST_PROXY } }, async (app) => {
      for (let i = 0; i < 6; i++) expect((await get(app, '/api/health', rotating(i))).status).toBe(200);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get(app, '/api/health', rotating(99))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    });
  });

  it('with TRUST_PROXY naming another address, the proxy headers are ignored', async () => {
    const { TRUST_PROXY } = loadConfig({ TRUST_PROXY: '10.0.0.0/8' });
    await withApp({ config: { RATE_LIMIT_PER_MINUTE: 3, TRUST_PROXY } }, async (app) => {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get(app, '/api/health', rotating(i))).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    });
  });

  it('TRUST_PROXY is off unless set, takes addresses and CIDRs, and refuses true and hop counts', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.1, 192.168.0.0/16 ,::1,fd00::/8,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    for (const value of ['true', '1', '2', '*', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8', 'example.org', '10.0.0.1,', '300.1.1.1']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY/);
    }
  });
});

describe(`strict ids on ${testDriver}`, () => {
  it.each(['0x10', '1e2', '%2B10', '%2010', '10%20', '010', '1.0', '0', '-1', '2147483648', '99999999999', '%EF%BC%91', '1_0', 'Infinity'])(
    '/api/institutions/%s/fit is a 400 naming params.id',
    async (id) => {
      const res = await get(api.app, `/api/institutions/${id}/fit`, await signedIn());
      expect(res.status).toBe(400);
      expect(fieldOf(expectErrorShape(res.json(), 'BAD_REQUEST'))).toBe('params.id');
    },
  );

  it('takes a canonical id, and 404s one that does not exist', async () => {
    const planner = await signedIn();
    const list = await get(api.app, '/api/institutions?limit=1');
    const id = (list.json() as { items: { id: number }[] }).items[0]?.id;
    expect(id).toBeDefined();
    expect((await get(api.app, `/api/institutions/${id}/fit`, planner)).status).toBe(200);
    expectErrorShape((await get(api.app, '/api/institutions/2147483647/fit', planner)).json(), 'NOT_FOUND');
  });

  it('takes a talent pseudonym in exactly its form', async () => {
    const planner = await signedIn();
    const candidates = await api.app.inject({
      method: 'POST',
      url: '/api/match/candidates',
      payload: { occupationCode: '6-18-02-04', limit: 1 },
      headers: planner,
    });
    const talentId = (candidates.json() as CandidatesResponse).results[0]?.talentId ?? '';
    expect(talentId).toMatch(/^P[A-Z2-7]{26}$/);
    expect((await get(api.app, `/api/talents/${talentId}/pathways`, planner)).status).toBe(200);
    const variants = [
      talentId.toLowerCase(),
      `${talentId}0`,
      talentId.slice(0, -1),
      `${talentId}%0A`,
      `%20${talentId}`,
      `P${encodeURIComponent('Ａ'.repeat(26))}`,
      `${talentId.slice(0, -1)}%C3%9F`,
      `${talentId.slice(0, -1)}1`,
      `${talentId}%00`,
    ];
    for (const id of variants) {
      const res = await get(api.app, `/api/talents/${id}/pathways`, planner);
      expect(res.status, id).toBe(400);
      expect(fieldOf(expectErrorShape(res.json(), 'BAD_REQUEST'))).toBe('params.id');
    }
  });
});

describe(`security headers and body limits on ${testDriver}`, () => {
  const directives = (csp: string | undefined) =>
    new Map(
      (csp ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name = '', ...values]) => [name, values]),
    );

  it('over plain http: a CSP with no https: wildcard, no framing, nosniff, and no HSTS or upgrade', async () => {
    // X-Forwarded-Proto from an untrusted client does not count as TLS.
    for (const headers of [{}, { 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
      const res = await get(api.app, '/api/health', headers);
      const csp = directives(res.headers['content-security-policy'] as string);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect([...csp.values()].flat()).not.toContain('https:');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    // Errors carry the headers too.
    expect((await get(api.app, '/api/nope')).headers['content-security-policy']).toBeDefined();
  });

  it('over TLS (a trusted proxy saying X-Forwarded-Proto: https): HSTS and upgrade-insecure-requests', async () => {
    await withApp({ config: { TRUST_PROXY: ['127.0.0.1'] } }, async (app) => {
      const tls = await get(app, '/api/health', { 'x-forwarded-proto': 'https' });
      expect(tls.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
      expect(directives(tls.headers['content-security-policy'] as string).has('upgrade-insecure-requests')).toBe(true);
      const plain = await get(app, '/api/health', { 'x-forwarded-proto': 'http' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      expect(directives(plain.headers['content-security-policy'] as string).has('upgrade-insecure-requests')).toBe(false);
    });
  });

  it('with BASEMAP_STYLE_URL, connect-src allows exactly its origin', async () => {
    const { BASEMAP_STYLE_URL } = loadConfig({ BASEMAP_STYLE_URL: 'https://tiles.example.org:8443/styles/basic/style.json?key=k' });
    await withApp({ config: { BASEMAP_STYLE_URL } }, async (app) => {
      const res = await get(app, '/api/health');
      expect(directives(res.headers['content-security-policy'] as string).get('connect-src')).toEqual(["'self'", 'https://tiles.example.org:8443']);
    });
    expect(() => loadConfig({ BASEMAP_STYLE_URL: 'javascript:alert(1)' })).toThrow(/BASEMAP_STYLE_URL/);
  });

  it('a body over 1 MB is a 413 in the shape', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/occupations/classify',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: '焊'.repeat(400_000) }),
    });
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.json(), 'PAYLOAD_TOO_LARGE');
  });

  it('JSON nested deeper than 32 levels is a 400 in the shape; 32 levels are fine', async () => {
    // The body object is the first level, so `extra` holds the other 31 (or 32).
    const nest = (levels: number): unknown => (levels === 0 ? 1 : [nest(levels - 1)]);
    expect((await api.post('/api/occupations/classify', { text: '焊工', extra: nest(31) })).status).toBe(200);
    const deep = await api.post<unknown>('/api/occupations/classify', { text: '焊工', extra: nest(32) });
    expect(deep.status).toBe(400);
    const body = expectErrorShape(deep.body, 'BAD_REQUEST');
    expect(fieldOf(body)).toBe('body');
    expect(body.error.message).toMatch(/deeper than 32/);
    // Far deeper than any walk should follow: still a 400, not a stack overflow.
    const huge = await api.app.inject({
      method: 'POST',
      url: '/api/occupations/classify',
      headers: { 'content-type': 'application/json' },
      payload: `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    });
    expect(huge.statusCode).toBe(400);
  });
});
