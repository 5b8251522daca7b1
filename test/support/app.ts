import type { FastifyInstance } from 'fastify';
import { buildApp } from '@talentmap/server';
import type { DbClient } from '@talentmap/db';
import { TEST_PII_KEYS } from './database.js';

/** Signs the test apps' session cookies, so they start on any dataset (the demo alone may go without). */
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef';

/** The real app over a real database, called through HTTP with app.inject. */
export async function buildTestApp(
  client: DbClient,
  config: { RATE_LIMIT_PER_MINUTE?: number; RATE_LIMIT_ACCOUNT_PER_MINUTE?: number } = {},
): Promise<FastifyInstance> {
  const app = await buildApp({
    piiKeys: TEST_PII_KEYS,
    client,
    serveWeb: false,
    config: {
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: config.RATE_LIMIT_PER_MINUTE ?? 100_000,
      RATE_LIMIT_ACCOUNT_PER_MINUTE: config.RATE_LIMIT_ACCOUNT_PER_MINUTE ?? 100_000,
      SESSION_SECRET: TEST_SESSION_SECRET,
    },
  });
  await app.ready();
  return app;
}
