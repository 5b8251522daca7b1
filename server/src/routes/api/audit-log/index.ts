import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditLogQuerySchema, auditLogSchema, errorSchema } from '@talentmap/core';

const auditLog: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The audit log: every candidate search, pathways view, one-talent gap and contact request, newest first (admin)',
        querystring: auditLogQuerySchema,
        response: { 200: auditLogSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request) => app.auditService.list(request.query),
  );
};
export default auditLog;
