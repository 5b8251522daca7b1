import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Me, ViewerContext } from '@talentmap/core';
import { createTestDatabase, DEMO_PASSWORD_FOR_TESTS, type TestDatabase } from './database.js';
import { buildTestApp, type TestAppConfig } from './app.js';

/** Requests made as one viewer. */
export interface ViewerApi {
  get<T>(url: string): Promise<{ status: number; body: T }>;
  post<T>(url: string, body: unknown): Promise<{ status: number; body: T; raw: string }>;
}

/** A file in a multipart form. */
export interface UploadFile {
  name: string;
  content: Buffer | string;
  type?: string;
}

/** A signed-in viewer's requests, and the pseudonyms it would be shown (as the server makes them). */
export interface AccountApi extends ViewerApi {
  /** POST multipart/form-data: the fields first, then the file (as a browser's FormData sends them). */
  upload<T>(url: string, fields: Record<string, string>, file: UploadFile): Promise<{ status: number; body: T }>;
  /** GET a file: status, headers and the raw bytes. */
  download(url: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>;
  viewer(): Promise<ViewerContext>;
  pseudonymOf(talentId: number): Promise<string>;
}

export interface ApiHarness extends ViewerApi {
  readonly app: FastifyInstance;
  readonly database: TestDatabase;
  /** The same requests signed in as an account (a demo account by default password): session cookie and CSRF token. */
  as(username: string, password?: string): AccountApi;
}

/** A signed-in session: the Cookie header to send back and the CSRF token for writes. */
export interface SignedIn {
  cookie: string;
  csrfToken: string;
  me: Me;
}

/** The `name=value` part of a Set-Cookie header: what a browser sends back. */
export function cookieOf(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!header) throw new Error('the response set no cookie');
  return header.split(';')[0] as string;
}

/** Signs in through POST /api/auth/login, as a browser would. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD_FOR_TESTS,
  extra: Partial<InjectOptions> = {},
): Promise<SignedIn> {
  const res = await app.inject({ ...extra, method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} answered ${res.statusCode}: ${res.body}`);
  const me = res.json() as Me;
  return { cookie: cookieOf(res.headers['set-cookie']), csrfToken: me.csrfToken, me };
}

/** A multipart/form-data body: the fields, then the file. */
export function multipartBody(fields: Record<string, string>, file: UploadFile): { body: Buffer; contentType: string } {
  const boundary = `----talentmap${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(file.name)}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** get/post as a signed-in session; writes carry the CSRF token. */
function viewerApi(app: () => FastifyInstance, session: () => Promise<SignedIn>): Omit<AccountApi, 'viewer' | 'pseudonymOf'> {
  return {
    async upload<T>(url: string, fields: Record<string, string>, file: UploadFile) {
      const { cookie, csrfToken } = await session();
      const { body, contentType } = multipartBody(fields, file);
      const res = await app().inject({ method: 'POST', url, payload: body, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': contentType } });
      return { status: res.statusCode, body: res.json() as T };
    },
    async download(url: string) {
      const { cookie } = await session();
      const res = await app().inject({ method: 'GET', url, headers: { cookie } });
      return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
    },
    async get<T>(url: string) {
      const { cookie } = await session();
      const res = await app().inject({ method: 'GET', url, headers: { cookie } });
      return { status: res.statusCode, body: res.json() as T };
    },
    async post<T>(url: string, body: unknown) {
      const { cookie, csrfToken } = await session();
      const res = await app().inject({ method: 'POST', url, payload: body as object, headers: { cookie, 'x-csrf-token': csrfToken } });
      return { status: res.statusCode, body: res.json() as T, raw: res.body };
    },
  };
}

/**
 * One real app over one fresh database for a test file: registers the hooks that build it
 * before the file's tests and close it after. `prepare` runs on the database first (load a
 * fixture instead of the demo, say); `config` goes to the app.
 */
export function useApi(options: { seed?: boolean; prepare?: (database: TestDatabase) => Promise<void>; config?: TestAppConfig } = {}): ApiHarness {
  let app: FastifyInstance | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ seed: options.seed ?? true });
    await options.prepare?.(database);
    app = await buildTestApp(database.client, options.config);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test app is not built yet (use it inside a test)');
    return value;
  };
  // One sign-in per account and file (scrypt is slow on purpose).
  const sessions = new Map<string, Promise<SignedIn>>();
  return {
    as(username: string, password?: string) {
      const session = () => {
        const key = `${username}\n${password ?? ''}`;
        let signedIn = sessions.get(key);
        if (!signedIn) sessions.set(key, (signedIn = signIn(ready(app), username, password)));
        return signedIn;
      };
      const viewer = async (): Promise<ViewerContext> => {
        await session();
        const [row] = await ready(database).client.rows<{ id: number }>(sql`select id from accounts where username = ${username}`);
        const context = row && (await ready(app).accountService.viewerOfAccount(Number(row.id)));
        if (!context) throw new Error(`no active account ${username}`);
        return context;
      };
      return {
        ...viewerApi(() => ready(app), session),
        viewer,
        pseudonymOf: async (talentId: number) => ready(app).matchService.pseudonymFor(talentId, await viewer()),
      };
    },
    get app() {
      return ready(app);
    },
    get database() {
      return ready(database);
    },
    async get<T>(url: string) {
      const res = await ready(app).inject({ method: 'GET', url });
      return { status: res.statusCode, body: res.json() as T };
    },
    async post<T>(url: string, body: unknown) {
      const res = await ready(app).inject({ method: 'POST', url, payload: body as object });
      return { status: res.statusCode, body: res.json() as T, raw: res.body };
    },
  };
}
