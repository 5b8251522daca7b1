import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { ANONYMOUS, ForbiddenError, UnauthenticatedError, routeKey, viewersOf, type ViewerContext } from '@talentmap/core';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: anonymous until the auth plugin finds a session or a bearer token. */
    viewer: ViewerContext;
  }
}

const methodsOf = (method: string | string[]) => (Array.isArray(method) ? method : [method]);

/**
 * Enforces ACCESS (packages/core/src/access.ts), the one declaration of who may call each
 * route. Registered before any route, so its onRoute hook sees every route: an /api route
 * without a declaration stops the server at start-up instead of going out open (or shut).
 * Requests are checked in preParsing — after every onRequest hook, where the auth plugin has
 * resolved the viewer, and before the body is read, so a caller who may not call a route learns
 * nothing from how its body would have been validated.
 */
export default fp(
  async (app) => {
    // A request decorator cannot default to an object; a getter over a WeakMap defaults to anonymous.
    const viewers = new WeakMap<FastifyRequest, ViewerContext>();
    app.decorateRequest('viewer', {
      getter(this: FastifyRequest) {
        return viewers.get(this) ?? ANONYMOUS;
      },
      setter(this: FastifyRequest, viewer: ViewerContext) {
        viewers.set(this, viewer);
      },
    });

    app.addHook('onRoute', (route) => {
      for (const method of methodsOf(route.method)) {
        if (!viewersOf(method, route.url))
          throw new Error(`${routeKey(method, route.url)} has no entry in ACCESS (packages/core/src/access.ts): declare who may call it`);
      }
    });

    app.addHook('preParsing', async (request) => {
      const { url } = request.routeOptions;
      // No route matched: the not-found handler answers, and there is nothing to protect.
      if (url === undefined) return;
      const allowed = viewersOf(request.method, url) ?? [];
      const { role } = request.viewer;
      if (allowed.includes(role)) return;
      if (role === 'anonymous') throw new UnauthenticatedError('sign in to use this endpoint');
      throw new ForbiddenError(`the ${role} role may not use this endpoint`);
    });
  },
  { name: 'access' },
);
