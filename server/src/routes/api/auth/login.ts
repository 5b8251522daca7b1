import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, loginRequestSchema, meSchema, TooManyAttemptsError } from '@talentmap/core';
import { meOf } from '../../../services/account.service.js';

const login: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in: sets the session cookie and returns the account with its CSRF token (10 failures in 15 min → 429)',
        body: loginRequestSchema,
        response: { 200: meSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const viewer = await app.accountService.login(request.body, request.ip).catch((err: unknown) => {
        if (err instanceof TooManyAttemptsError) reply.header('retry-after', String(err.retryAfterSeconds));
        throw err;
      });
      // A fresh session id at sign-in: an id planted in the browser beforehand (session fixation) signs nobody in.
      await request.session.regenerate();
      request.session.set('accountId', viewer.accountId);
      return meOf(viewer, reply.generateCsrf());
    },
  );
};
export default login;
