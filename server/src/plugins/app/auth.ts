import { randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import session from '@fastify/session';
import csrf from '@fastify/csrf-protection';
import { UnauthenticatedError } from '@talentmap/core';
import { AccountRepository } from '@talentmap/db';
import { DatabaseSessionStore } from '../../services/session.store.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** How the viewer proved who it is: a session cookie (writes then need the CSRF token), a bearer token, or not at all. */
    credential: 'session' | 'bearer' | null;
  }
  interface Session {
    accountId?: number;
  }
}

export const SESSION_COOKIE = 'tm_session';
/** The API is all that reads the session: pages and assets are served without a store lookup. */
export const SESSION_COOKIE_PATH = '/api';
const SESSION_HOURS = 8;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Signing in starts a session, so there is no token to send yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);
const BEARER = /^Bearer +(\S+)$/i;

export interface AuthOptions {
  config: { SESSION_SECRET?: string | undefined };
}

/**
 * SESSION_SECRET signs the session cookie. Only the synthetic demo may run without one: it then
 * signs with a random secret made at start-up, so sign-ins end when the server restarts.
 */
async function sessionSecret(app: FastifyInstance, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  if (!(await app.datasetService.isSynthetic())) throw new Error('SESSION_SECRET (32+ characters) is required unless the loaded dataset is the synthetic demo');
  app.log.warn('SESSION_SECRET is unset: session cookies are signed with a random secret made at start-up (synthetic demo only); sign-ins end at restart');
  return randomBytes(32).toString('base64url');
}

/**
 * Who is calling: a bearer token (`Authorization: Bearer <token>`) or the session cookie, resolved
 * to `request.viewer` for the access plugin and the services. Cookie-authenticated writes must
 * carry the session's CSRF token in `x-csrf-token`; bearer requests need none (a browser never
 * adds that header by itself, so another site cannot forge one).
 */
export default fp(
  async (app, opts: AuthOptions) => {
    const repo = new AccountRepository(app.database);
    await repo.deleteExpiredSessions();
    await app.register(cookie);
    await app.register(session, {
      secret: await sessionSecret(app, opts.config.SESSION_SECRET),
      cookieName: SESSION_COOKIE,
      store: new DatabaseSessionStore(repo),
      saveUninitialized: false,
      // Sessions last SESSION_HOURS from sign-in; not re-saving on every request keeps reads reads.
      rolling: false,
      cookie: { path: SESSION_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: SESSION_HOURS * 3_600_000 },
    });
    await app.register(csrf, {
      sessionPlugin: '@fastify/session',
      getToken: (request) => {
        const token = request.headers['x-csrf-token'];
        return typeof token === 'string' ? token : undefined;
      },
    });
    app.decorateRequest('credential', null);

    app.addHook('onRequest', async (request) => {
      const authorization = request.headers.authorization;
      if (authorization !== undefined) {
        const token = BEARER.exec(authorization.trim())?.[1];
        const viewer = token === undefined ? null : await app.accountService.viewerOfToken(token);
        if (!viewer) throw new UnauthenticatedError('Authorization: expected "Bearer <token>" with a valid, unrevoked API token');
        request.viewer = viewer;
        request.credential = 'bearer';
        return;
      }
      // Outside the cookie path the session is a plain object without an account.
      const accountId = request.session.accountId;
      const viewer = accountId === undefined ? null : await app.accountService.viewerOfAccount(accountId);
      if (viewer) {
        request.viewer = viewer;
        request.credential = 'session';
      }
    });

    app.addHook('onRequest', (request, reply, done) => {
      const exempt = request.credential !== 'session' || !UNSAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(request.routeOptions.url ?? '');
      if (exempt) done();
      // Answers 403 itself (through the error handler) when the token is missing or wrong.
      else app.csrfProtection(request, reply, done);
    });
  },
  { name: 'auth', dependencies: ['access', 'database', 'dataset', 'accounts'] },
);
