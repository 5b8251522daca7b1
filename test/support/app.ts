import type { FastifyInstance } from 'fastify';
import { buildApp } from '@talentmap/server';
import type { DbClient } from '@talentmap/db';

/** The real app over a real database, called through HTTP with app.inject. */
export async function buildTestApp(client: DbClient, config: { RATE_LIMIT_PER_MINUTE?: number } = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    client,
    serveWeb: false,
    config: { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: config.RATE_LIMIT_PER_MINUTE ?? 100_000 },
  });
  await app.ready();
  return app;
}
