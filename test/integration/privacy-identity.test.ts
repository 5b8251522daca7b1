import { ImportRepository } from '@talentmap/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ACCESS, DEMO_USERNAMES, type RouteKey } from '@talentmap/core';
import { decryptField, derivePiiKeys, idNumberBlindIndex } from '@talentmap/core/pii';
import { buildApp } from '@talentmap/server';
import { identityKeyCounts, rotatePiiKeys } from '@talentmap/server/cli/pii-rotate';
import { signIn, useApi, type SignedIn } from '../support/api.js';
import { TEST_SESSION_SECRET } from '../support/app.js';
import { DEMO_PASSWORD_FOR_TESTS, TEST_PII_KEYS, testDriver } from '../support/database.js';

/**
 * Identity fields never leave the server: every talent's name, phone and ID number, decrypted
 * here with the test key, is looked for in every answer of every GET route in ACCESS (and the main
 * POSTs) as every demo role, in the application log, and as plain text in talent_identities.
 * Then the key is rotated (pnpm pii:rotate's logic) and the rows are checked under the new key.
 */
const api = useApi();

interface Identity {
  talentId: number;
  fullName: string;
  phone: string;
  idNumber: string;
}

const COLUMNS = { fullName: 'full_name', phone: 'phone', idNumber: 'id_number' } as const;

async function sealedRows() {
  const rows = await api.database.client.rows<{
    talentId: number;
    fullName: string;
    phone: string;
    idNumber: string;
    idNumberIndex: string;
    keyId: string;
  }>(sql`
    select talent_id as "talentId", encode(full_name_sealed, 'hex') as "fullName", encode(phone_sealed, 'hex') as "phone",
           encode(id_number_sealed, 'hex') as "idNumber", id_number_index as "idNumberIndex", key_id as "keyId"
    from talent_identities order by talent_id`);
  return rows.map((r) => ({
    ...r,
    talentId: Number(r.talentId),
    sealed: { fullName: Buffer.from(r.fullName, 'hex'), phone: Buffer.from(r.phone, 'hex'), idNumber: Buffer.from(r.idNumber, 'hex') },
  }));
}

type SealedRow = Awaited<ReturnType<typeof sealedRows>>[number];
const open = (keys: typeof TEST_PII_KEYS, row: SealedRow): Identity => ({
  talentId: row.talentId,
  fullName: decryptField(keys, row.sealed.fullName, `talent:${row.talentId}:${COLUMNS.fullName}`),
  phone: decryptField(keys, row.sealed.phone, `talent:${row.talentId}:${COLUMNS.phone}`),
  idNumber: decryptField(keys, row.sealed.idNumber, `talent:${row.talentId}:${COLUMNS.idNumber}`),
});

let identities: Identity[] = [];
let phones = new Set<string>();
let idNumbers = new Set<string>();
// Three-character names only: a two-character name (王伟, 林海) can be an ordinary word or part of
// a place or occupation name (海波, 建国 as in 建国路), so finding one proves nothing. About 70% of
// the synthetic names have three characters.
let names = new Set<string>();

/** The identity fields found in a text, each at most once. */
function leaks(text: string): string[] {
  const found = new Set<string>();
  for (const run of text.match(/\d{11,}X?/g) ?? []) {
    for (let i = 0; i + 11 <= run.length; i++) if (phones.has(run.slice(i, i + 11))) found.add(`phone ${run.slice(i, i + 11)}`);
    for (let i = 0; i + 18 <= run.length; i++) if (idNumbers.has(run.slice(i, i + 18))) found.add(`ID ${run.slice(i, i + 18)}`);
  }
  // Any well-formed ID number (6-digit region, 19xx/20xx birth date, sequence, check), a talent's or not.
  for (const id of text.match(/(?<![\dA-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX](?![\dA-Za-z])/g) ?? [])
    found.add(`ID-shaped ${id}`);
  for (const run of text.match(/[\u4e00-\u9fff]{3,}/g) ?? []) {
    for (let i = 0; i + 3 <= run.length; i++) if (names.has(run.slice(i, i + 3))) found.add(`name ${run.slice(i, i + 3)}`);
  }
  return [...found];
}

const SUZHOU_CITY = '320500';
const welders = { occupationCode: '6-18-02-04', regionCode: SUZHOU_CITY, limit: 20 };
const q = encodeURIComponent;

/** The query that makes a GET route answer with the most talent-level or detailed data. */
const QUERY: Partial<Record<RouteKey, string>> = {
  'GET /api/regions': '?level=district',
  'GET /api/map/talents': '?cellKm=3',
  'GET /api/shortage/heatmap': '?level=district',
  'GET /api/shortage/timeseries': `?region=${SUZHOU_CITY}`,
  'GET /api/shortage/catalog': `?region=${SUZHOU_CITY}`,
  'GET /api/institutions': `?region=${SUZHOU_CITY}`,
  'GET /api/occupations': `?q=${q('焊工')}`,
  'GET /api/skills': `?q=${q('焊')}`,
  'GET /api/audit-log': '?limit=1000',
  'GET /api/occupations/:code/related': '?limit=20',
};

interface Caller {
  name: string;
  session: SignedIn | null;
  /** A 苏州 talent by the pseudonym this caller was issued (a well-formed id issued to nobody for anonymous). */
  talent: string;
}

let callers: Caller[] = [];
let institutionId = 0;
/** One of enterprise-demo's vacancies and one of institution-demo's programs. */
let ownRecords = { vacancy: 0, program: 0 };

beforeAll(async () => {
  const { client } = api.database;
  const rows = await sealedRows();
  identities = rows.map((row) => open(TEST_PII_KEYS, row));
  phones = new Set(identities.map((i) => i.phone));
  idNumbers = new Set(identities.map((i) => i.idNumber));
  names = new Set(identities.map((i) => i.fullName).filter((n) => [...n].length === 3));

  const [talent] = await client.rows<{ id: number }>(sql`
    select t.id from talents t join regions r on r.code = t.region_code where r.parent_code = ${SUZHOU_CITY} order by t.id limit 1`);
  const [institution] = await client.rows<{ id: number }>(sql`select institution_id as id from accounts where username = 'institution-demo'`);
  institutionId = Number(institution!.id);
  const [records] = await client.rows<{ vacancy: number; program: number }>(sql`
    select (select min(id) from vacancies where enterprise_id = (select enterprise_id from accounts where username = 'enterprise-demo')) as vacancy,
           (select min(id) from programs where institution_id = ${institutionId}) as program`);
  ownRecords = { vacancy: Number(records!.vacancy), program: Number(records!.program) };
  callers = [{ name: 'anonymous', session: null, talent: `P${'A'.repeat(26)}` }];
  for (const name of DEMO_USERNAMES) {
    callers.push({ name, session: await signIn(api.app, name), talent: await api.as(name).pseudonymOf(Number(talent!.id)) });
  }
  // A contact request handled with a note, so the contact-request lists have something to show.
  const enterprise = callers.find((c) => c.name === 'enterprise-demo')!;
  const created = await api.app.inject({
    method: 'POST',
    url: '/api/contact-requests',
    payload: { talentId: enterprise.talent, message: '诚邀面试' },
    headers: { cookie: enterprise.session!.cookie, 'x-csrf-token': enterprise.session!.csrfToken },
  });
  expect(created.statusCode).toBe(201);
  const planner = callers.find((c) => c.name === 'planner-suzhou')!;
  const handled = await api.app.inject({
    method: 'PATCH',
    url: `/api/contact-requests/${(created.json() as { id: number }).id}`,
    payload: { status: 'forwarded', note: '已转介' },
    headers: { cookie: planner.session!.cookie, 'x-csrf-token': planner.session!.csrfToken },
  });
  expect(handled.statusCode).toBe(200);
});

/** A GET route's URL with its parameters filled in for one caller. */
let importId = 0;
function urlOf(key: RouteKey, caller: Caller): string {
  const pattern = key.slice(key.indexOf(' ') + 1);
  const filled = pattern.replace(/:(\w+)/g, (_, param: string) => {
    if (pattern.startsWith('/api/talents/')) return caller.talent;
    if (pattern.startsWith('/api/institutions/')) return String(institutionId);
    if (pattern.startsWith('/api/vacancies/')) return String(ownRecords.vacancy);
    if (pattern.startsWith('/api/programs/')) return String(ownRecords.program);
    if (pattern.startsWith('/api/imports/') && param === 'kind') return 'talents';
    if (pattern.startsWith('/api/imports/')) return String(importId);
    if (param === 'code') return '6-18-02-04';
    if (param === 'id') return '1';
    throw new Error(`${key}: no example value for :${param}`);
  });
  return filled + (QUERY[key] ?? '');
}

async function call(caller: Caller, method: 'GET' | 'POST', url: string, payload?: object) {
  const headers: Record<string, string> = caller.session ? { cookie: caller.session.cookie, 'x-csrf-token': caller.session.csrfToken } : {};
  const res = await api.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body };
}

describe(`identity fields on ${testDriver}`, () => {
  it('decrypts every identity with the test key (the fixture the other checks rely on)', () => {
    expect(identities.length).toBeGreaterThan(1000);
    expect(names.size).toBeGreaterThan(100);
    expect(identities.every((i) => /^1\d{10}$/.test(i.phone) && /^\d{17}[\dX]$/.test(i.idNumber))).toBe(true);
  });

  it('appear in no answer of any GET route, as any demo role', async () => {
    // An admin's import, failed, for the import routes to answer about.
    importId = await new ImportRepository(api.database.client).createJob({
      kind: 'talents',
      mode: 'all-or-nothing',
      fileName: 'x.csv',
      filePath: '/nonexistent/x.csv',
      fileBytes: 1,
      accountId: null,
      username: 'admin',
      enterpriseId: null,
      institutionId: null,
    });
    await api.database.client.rows(sql`update import_jobs set status = 'failed', phase = 'done' where id = ${importId}`);
    const gets = (Object.keys(ACCESS) as RouteKey[]).filter((key) => key.startsWith('GET '));
    const answered = new Map<RouteKey, number[]>();
    const found: string[] = [];
    for (const key of gets) {
      for (const caller of callers) {
        const url = urlOf(key, caller);
        const { status, body } = await call(caller, 'GET', url);
        expect(status, `${caller.name} ${url}`).toBeLessThan(500);
        answered.set(key, [...(answered.get(key) ?? []), status]);
        for (const leak of leaks(body)) found.push(`${caller.name} GET ${url}: ${leak}`);
      }
    }
    expect(found).toEqual([]);
    // Each route answered someone with data, so the bodies searched were real answers, not errors.
    const neverOk = [...answered].filter(([, statuses]) => !statuses.includes(200)).map(([key]) => key);
    expect(neverOk).toEqual([]);
  });

  it('appear in no answer of the main POSTs, as any demo role', async () => {
    const found: string[] = [];
    let candidates = 0;
    for (const caller of callers) {
      const requests: [string, object][] = [
        ['/api/match/candidates', welders],
        ['/api/match/candidates', { text: '招聘二保焊技工，熟悉氩弧焊，苏州工业园区', limit: 50 }],
        ['/api/match/programs', { occupationCode: welders.occupationCode, limit: 20 }],
        ['/api/match/programs', { occupationCode: welders.occupationCode, talentId: caller.talent }],
        ['/api/occupations/classify', { text: '招聘数控车床操作工，三班倒' }],
      ];
      for (const [url, payload] of requests) {
        const { status, body } = await call(caller, 'POST', url, payload);
        expect(status, `${caller.name} ${url}`).toBeLessThan(500);
        if (url === '/api/match/candidates' && status === 200) candidates += (JSON.parse(body) as { results: unknown[] }).results.length;
        for (const leak of leaks(body)) found.push(`${caller.name} POST ${url}: ${leak}`);
      }
    }
    expect(found).toEqual([]);
    expect(candidates).toBeGreaterThan(0);
  });

  it('are stored sealed: talent_identities has only its sealed columns and no plain text in them', async () => {
    const columns = await api.database.client.rows<{ name: string; type: string }>(sql`
      select column_name as name, data_type as type from information_schema.columns where table_name = 'talent_identities' order by column_name`);
    expect(Object.fromEntries(columns.map((c) => [c.name, c.type]))).toEqual({
      digest: 'text',
      full_name_sealed: 'bytea',
      id_number_index: 'text',
      id_number_sealed: 'bytea',
      key_id: 'text',
      phone_sealed: 'bytea',
      talent_id: 'bigint',
    });
    const plain: string[] = [];
    for (const row of await sealedRows()) {
      const identity = identities.find((i) => i.talentId === row.talentId)!;
      // The text columns hold a keyed hash and a key id, nothing readable.
      if (!/^[0-9a-f]{64}$/.test(row.idNumberIndex) || !/^[0-9a-f]{8}$/.test(row.keyId)) plain.push(`${row.talentId}: text columns`);
      for (const sealed of Object.values(row.sealed)) {
        for (const text of [sealed.toString('latin1'), sealed.toString('utf8')]) {
          if (/\d{11}/.test(text) || [identity.fullName, identity.phone, identity.idNumber].some((v) => text.includes(v))) plain.push(`${row.talentId}`);
        }
      }
    }
    expect(plain).toEqual([]);
  });

  it('never reach the application log: no bodies, credentials, query strings or bound query values', async () => {
    const lines: string[] = [];
    const app = await buildApp({
      piiKeys: TEST_PII_KEYS,
      client: api.database.client,
      serveWeb: false,
      logStream: { write: (line) => void lines.push(line) },
      config: { LOG_LEVEL: 'trace', RATE_LIMIT_PER_MINUTE: 100_000, SESSION_SECRET: TEST_SESSION_SECRET },
    });
    const someone = identities.find((i) => [...i.fullName].length === 3)!;
    const secrets: string[] = [DEMO_PASSWORD_FOR_TESTS, someone.fullName, someone.phone, someone.idNumber];
    try {
      await app.ready();
      const { cookie, csrfToken } = await signIn(app, 'enterprise-demo');
      const token = (
        (
          await app.inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'log test' }, headers: { cookie, 'x-csrf-token': csrfToken } })
        ).json() as {
          token: string;
        }
      ).token;
      secrets.push(cookie.slice(cookie.indexOf('=') + 1), csrfToken, token);
      const text = `${someone.fullName} ${someone.phone} ${someone.idNumber} 焊工`;
      await app.inject({ method: 'POST', url: '/api/occupations/classify', payload: { text } });
      await app.inject({ method: 'POST', url: '/api/match/candidates', payload: { ...welders, text }, headers: { authorization: `Bearer ${token}` } });
      // A body that fails validation, and a search box holding a phone number.
      await app.inject({
        method: 'POST',
        url: '/api/match/candidates',
        payload: { text, limit: someone.phone },
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      await app.inject({ method: 'GET', url: `/api/occupations?q=${q(someone.phone)}`, headers: { cookie } });
      // A failed query: drizzle puts the bound values into its error's message and properties.
      const failed = await api.database.client.rows(sql`select ${someone.phone}::int / 0`).catch((err: unknown) => err);
      app.log.error({ err: failed }, 'unhandled error');
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(log).toContain('incoming request');
    expect(log).toContain('Failed query');
    expect(secrets.filter((secret) => log.includes(secret))).toEqual([]);
    expect(leaks(log)).toEqual([]);
  });
});

describe(`pnpm pii:rotate on ${testDriver}`, () => {
  it('re-seals every identity under the new key in batches, recomputes the blind index, and stops when none is left', async () => {
    const { client } = api.database;
    const next = derivePiiKeys(Buffer.alloc(32, 9));
    const seen: number[] = [];
    const result = await rotatePiiKeys(client, { from: TEST_PII_KEYS, to: next, batchSize: 300, onProgress: ({ done }) => void seen.push(done) });
    expect(result).toEqual({ done: identities.length, total: identities.length });
    expect(seen.length).toBe(Math.ceil(identities.length / 300));
    expect(await identityKeyCounts(client)).toEqual({ [next.keyId]: identities.length });

    const byId = new Map(identities.map((i) => [i.talentId, i]));
    for (const row of await sealedRows()) {
      expect(open(next, row)).toEqual(byId.get(row.talentId));
      expect(() => open(TEST_PII_KEYS, row)).toThrow(/not the current key/);
      expect(row.idNumberIndex).toBe(idNumberBlindIndex(next, byId.get(row.talentId)!.idNumber));
    }
    // Run again: nothing left under the old key.
    expect(await rotatePiiKeys(client, { from: TEST_PII_KEYS, to: next })).toEqual({ done: 0, total: 0 });
    await expect(rotatePiiKeys(client, { from: next, to: next })).rejects.toThrow(/same key/);
  });
});
