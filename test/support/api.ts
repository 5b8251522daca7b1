import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from './database.js';
import { buildTestApp } from './app.js';

export interface ApiHarness {
  readonly app: FastifyInstance;
  readonly database: TestDatabase;
  get<T>(url: string): Promise<{ status: number; body: T }>;
  post<T>(url: string, body: unknown): Promise<{ status: number; body: T; raw: string }>;
}

/**
 * One real app over one fresh database for a test file: registers the hooks that build it
 * before the file's tests and close it after. `prepare` runs on the database first (load a
 * fixture instead of the demo, say).
 */
export function useApi(options: { seed?: boolean; prepare?: (database: TestDatabase) => Promise<void> } = {}): ApiHarness {
  let app: FastifyInstance | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ seed: options.seed ?? true });
    await options.prepare?.(database);
    app = await buildTestApp(database.client);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test app is not built yet (use it inside a test)');
    return value;
  };
  return {
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
