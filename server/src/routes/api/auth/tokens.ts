import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiTokenRequestSchema, apiTokenSchema, errorSchema } from '@talentmap/core';

const tokens: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Issue a bearer token for the signed-in account (send as Authorization: Bearer <token>; shown once)',
        body: apiTokenRequestSchema,
        response: { 201: apiTokenSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await app.accountService.issueToken(request.viewer, request.body.name));
    },
  );
};
export default tokens;
