import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, meSchema } from '@talentmap/core';
import { meOf } from '../../../services/account.service.js';

const me: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in account, its scope and the CSRF token for cookie-authenticated writes',
        response: { 200: meSchema, 401: errorSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      // Bearer requests need no CSRF token, and have no session to keep one in.
      return meOf(request.viewer, request.credential === 'session' ? reply.generateCsrf() : '');
    },
  );
};
export default me;
