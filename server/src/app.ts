import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import autoload from '@fastify/autoload';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import errors, { clientErrorHandler, frameworkErrors } from './plugins/external/errors.js';
import security from './plugins/external/security.js';
import access from './plugins/external/access.js';
import openapi from './plugins/external/openapi.js';
import web from './plugins/external/web.js';
import { loggerOptions, type LogStream } from './plugins/external/logging.js';
import type { DatabaseOptions } from './plugins/app/database.js';
import type { PiiKeys } from '@talentmap/core/pii';
// Autoload registers plugins/app at run time; these type-only imports bring the decorators
// each plugin declares on FastifyInstance into the type of the app that buildApp returns.
import type {} from './plugins/app/accounts.js';
import type {} from './plugins/app/audit.js';
import type {} from './plugins/app/catalog.js';
import type {} from './plugins/app/contact-requests.js';
import type {} from './plugins/app/auth.js';
import type {} from './plugins/app/dataset.js';
import type {} from './plugins/app/imports.js';
import type {} from './plugins/app/institutions.js';
import type {} from './plugins/app/keys.js';
import type {} from './plugins/app/map.js';
import type {} from './plugins/app/match.js';
import type {} from './plugins/app/programs.js';
import type {} from './plugins/app/reference.js';
import type {} from './plugins/app/shortage.js';
import type {} from './plugins/app/vacancies.js';

export interface AppOptions extends DatabaseOptions {
  /**
   * TRUST_PROXY and BASEMAP_STYLE_URL may be left out: no proxy is trusted, no basemap origin allowed.
   * SESSION_SECRET may be left out on the synthetic demo only (plugins/app/auth.ts).
   */
  config: Pick<Config, 'LOG_LEVEL' | 'RATE_LIMIT_PER_MINUTE'> &
    Partial<Pick<Config, 'RATE_LIMIT_ACCOUNT_PER_MINUTE' | 'IMPORT_MAX_BYTES' | 'IMPORT_DIR' | 'IMPORT_STALE_SECONDS' | 'IMPORT_SWEEP_SECONDS'>> &
    Partial<Pick<Config, 'TRUST_PROXY' | 'BASEMAP_STYLE_URL' | 'SESSION_SECRET' | 'PII_KEY' | 'PII_KEY_FILE'>>;
  /** The personal-information keys; left out, they come from PII_KEY (or, on the synthetic demo, PII_KEY_FILE). */
  piiKeys?: PiiKeys;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: LogStream;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

/**
 * The whole product as one plugin. It loads in a fixed order: external (errors, security,
 * access, OpenAPI) → app services (database, repositories, services: plugins/app, ordered by their
 * declared dependencies) → routes, where a route's folder is its URL (routes/api/match → /api/match)
 * → the web app's catch-all last.
 */
export const talentMap: FastifyPluginAsync<AppOptions> = async (app, options) => {
  await app.register(errors);
  await app.register(security, { perMinute: options.config.RATE_LIMIT_PER_MINUTE, basemapStyleUrl: options.config.BASEMAP_STYLE_URL });
  // Before any route is added, so it checks every route against the access declaration.
  await app.register(access);
  await app.register(openapi);
  await app.register(autoload, { dir: join(import.meta.dirname, 'plugins', 'app'), options, forceESM: true });
  await app.register(autoload, { dir: join(import.meta.dirname, 'routes'), dirNameRoutePrefix: true, forceESM: true });
  if (options.serveWeb !== false) await app.register(web);
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // No headers, bodies, query strings or query parameters in the log (plugins/external/logging.ts).
    logger: loggerOptions(options.config.LOG_LEVEL, options.logStream),
    bodyLimit: 1_048_576,
    // Rate limits count per client address. X-Forwarded-For is only believed from the proxies
    // TRUST_PROXY names: trusting it from anyone would let each request claim a new address.
    trustProxy: options.config.TRUST_PROXY ?? false,
    // Errors raised before routing (a URL that does not decode) and by the HTTP parser (headers
    // too large, a bad Content-Length) leave in the same error shape as the rest.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fp(talentMap), options);
  return app;
}
