import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { InvalidInputError } from '@talentmap/core';

export interface SecurityOptions {
  perMinute: number;
  /** MapLibre style URL of a tile server; its origin becomes the one foreign origin the page may fetch from. */
  basemapStyleUrl?: string | undefined;
}

/**
 * No request schema nests more than a few levels; anything far deeper is an attack on whatever
 * walks the parsed value (validation, services), not data.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * The Content-Security-Policy, written out rather than left to helmet's defaults so that what
 * is allowed reads in one place. `connect-src` stays on this origin (the API, the boundaries)
 * unless a basemap is configured; `upgrade-insecure-requests` only makes sense on a page that
 * was itself served over TLS, where it is added per request.
 */
function contentSecurityPolicy(basemapStyleUrl: string | undefined): string {
  const connectSrc = ["'self'", ...(basemapStyleUrl ? [new URL(basemapStyleUrl).origin] : [])];
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    // React and MapLibre set inline styles on elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // MapLibre builds its renderer from a blob worker.
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    `connect-src ${connectSrc.join(' ')}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Why a string cannot be stored as PostgreSQL text, or undefined when it can. Text holds no NUL,
 * and is UTF-8, which has no encoding for a lone UTF-16 surrogate (JSON's "\ud800"): PostgreSQL
 * silently stores U+FFFD instead, and PGlite fails the query.
 */
function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL (\\u0000)';
  // With the u flag a surrogate pair is one code point, so only a lone surrogate matches.
  if (/\p{Cs}/u.test(text)) return 'must be well-formed Unicode (a lone surrogate)';
  return undefined;
}

/**
 * The first string in a part of the request (`root`: params, querystring, body) that PostgreSQL
 * could not store, or that its JSON nests too deep; undefined when neither.
 */
function findUnsafe(root: string, value: unknown, field = root, depth = 0): { field: string; reason: string } | undefined {
  if (typeof value === 'string') {
    const reason = unstorable(value);
    return reason === undefined ? undefined : { field, reason };
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_JSON_DEPTH) return { field: root, reason: `nested deeper than ${MAX_JSON_DEPTH} levels` };
  for (const [key, item] of Object.entries(value)) {
    // Keys too: a schema that keeps unknown keys, or a record, would hand them on.
    const keyReason = unstorable(key);
    if (keyReason !== undefined) return { field, reason: `keys ${keyReason}` };
    const found = findUnsafe(root, item, `${field}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export default fp(
  async (app, opts: SecurityOptions) => {
    const csp = contentSecurityPolicy(opts.basemapStyleUrl);
    await app.register(helmet, {
      // Set per request below: both depend on whether the request came over TLS.
      contentSecurityPolicy: false,
      strictTransportSecurity: false,
      // The legacy twin of frame-ancestors 'none'.
      frameguard: { action: 'deny' },
    });
    // request.protocol is 'https' on a TLS socket, or with TRUST_PROXY set when the trusted proxy
    // says X-Forwarded-Proto: https. HSTS over plain http would be ignored at best, and would pin
    // a host that has no TLS at worst; upgrade-insecure-requests would break such a page.
    app.addHook('onRequest', async (request, reply) => {
      if (request.protocol === 'https') {
        reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
        reply.header('content-security-policy', `${csp}; upgrade-insecure-requests`);
      } else {
        reply.header('content-security-policy', csp);
      }
    });
    await app.register(rateLimit, {
      max: opts.perMinute,
      timeWindow: '1 minute',
      // The plugin throws what this returns; an Error with a status goes through the error
      // handler like any other and leaves in the one error shape.
      errorResponseBuilder: (_req, ctx) =>
        Object.assign(new Error(`rate limit of ${ctx.max} requests per minute exceeded; retry in ${ctx.after}`), { statusCode: ctx.statusCode }),
    });
    // A NUL (or, on PGlite, a lone surrogate) that reaches a query fails there as a 500.
    // Rejecting it here, once for every route, covers every string parameter and body field
    // (and the depth cap bounds the walk). preValidation runs after the body is parsed.
    app.addHook('preValidation', async (request) => {
      const found = findUnsafe('params', request.params) ?? findUnsafe('querystring', request.query) ?? findUnsafe('body', request.body);
      if (found) throw new InvalidInputError(found.field, found.reason);
    });
  },
  { name: 'security' },
);
