import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '@talentmap/server';
import type { DbClient } from '@talentmap/db';
import { replicaUrlsOf, TEST_PII_KEYS } from './database.js';

/** Signs the test apps' session cookies, so they start on any dataset (the demo alone may go without). */
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef';

/** What a test may set of the app's configuration: the rate limits (all but unlimited unless set), the import sweep. */
export type TestAppConfig = Partial<
  Pick<AppOptions['config'], 'RATE_LIMIT_PER_MINUTE' | 'RATE_LIMIT_ACCOUNT_PER_MINUTE' | 'IMPORT_STALE_SECONDS' | 'IMPORT_SWEEP_SECONDS'>
>;

/** The real app over a real database, called through HTTP with app.inject. */
export async function buildTestApp(client: DbClient, config: TestAppConfig = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    piiKeys: TEST_PII_KEYS,
    client,
    replicaUrls: replicaUrlsOf(client),
    serveWeb: false,
    config: {
      ...config,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: config.RATE_LIMIT_PER_MINUTE ?? 100_000,
      RATE_LIMIT_ACCOUNT_PER_MINUTE: config.RATE_LIMIT_ACCOUNT_PER_MINUTE ?? 100_000,
      SESSION_SECRET: TEST_SESSION_SECRET,
    },
  });
  await app.ready();
  return app;
}
