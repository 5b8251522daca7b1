import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import errors from './plugins/external/errors.js';
import security from './plugins/external/security.js';
import openapi from './plugins/external/openapi.js';
import web from './plugins/external/web.js';
import database, { type DatabaseOptions } from './plugins/app/database.js';
import matcher from './plugins/app/matcher.js';
import institutionServices from './plugins/app/institutions.js';
import health from './routes/api/health.js';
import reference from './routes/api/reference.js';
import shortage from './routes/api/shortage.js';
import match from './routes/api/match.js';
import map from './routes/api/map.js';
import institutions from './routes/api/institutions.js';

export interface AppOptions extends DatabaseOptions {
  config: Pick<Config, 'LOG_LEVEL' | 'RATE_LIMIT_PER_MINUTE'>;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

/**
 * The whole product as one Fastify instance. Plugins load in a fixed order:
 * external (errors, security, OpenAPI) → app services (database, repositories) → routes.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.config.LOG_LEVEL },
    bodyLimit: 1_048_576,
    // Rate limits count per client; behind a proxy the forwarded address is the client.
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errors);
  await app.register(security, { perMinute: options.config.RATE_LIMIT_PER_MINUTE });
  await app.register(openapi);
  await app.register(database, options);
  await app.register(matcher);
  await app.register(institutionServices);

  await app.register(
    async (api) => {
      await api.register(health);
      await api.register(reference);
      await api.register(shortage);
      await api.register(match);
      await api.register(map);
      await api.register(institutions);
    },
    { prefix: '/api' },
  );
  if (options.serveWeb !== false) await app.register(web);
  return app;
}
