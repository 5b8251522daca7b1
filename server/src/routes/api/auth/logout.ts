import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '@talentmap/core';
import { SESSION_COOKIE, SESSION_COOKIE_PATH } from '../../../plugins/app/auth.js';

const logout: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session and clears its cookie (API tokens stay valid)',
        response: { 204: z.null().describe('signed out'), 403: errorSchema },
      },
    },
    async (request, reply) => {
      if (request.credential === 'session') await request.session.destroy();
      reply.clearCookie(SESSION_COOKIE, { path: SESSION_COOKIE_PATH });
      return reply.code(204).send(null);
    },
  );
};
export default logout;
