import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactRequestCreateSchema, contactRequestListSchema, contactRequestSchema, contactRequestUpdateSchema, errorSchema, idSchema } from '@talentmap/core';

/** 推荐: enterprises ask to contact a candidate; the employment service of the talent's region acts on it. */
const contactRequests: FastifyPluginAsyncZod = async (app) => {
  const tags = ['match'];
  const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

  app.post(
    '',
    {
      schema: {
        tags,
        summary: 'Ask the employment service to put the enterprise in touch with a candidate (enterprise; audit-logged)',
        body: contactRequestCreateSchema,
        response: { 201: contactRequestSchema, ...errors, 429: errorSchema },
      },
      preHandler: app.talentLevelLimit,
    },
    async (request, reply) => reply.code(201).send(await app.contactRequestService.create(request.viewer, request.body)),
  );

  app.get(
    '',
    {
      schema: {
        tags,
        summary: "An enterprise's own contact requests; a planner's, for talents of its region",
        response: { 200: contactRequestListSchema, ...errors },
      },
    },
    async (request) => ({ items: await app.contactRequestService.list(request.viewer) }),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Act on a contact request: forwarded, declined or closed (planner of the talent’s region; audit-logged)',
        params: z.object({ id: idSchema }),
        body: contactRequestUpdateSchema,
        response: { 200: contactRequestSchema, ...errors },
      },
    },
    async (request) => app.contactRequestService.update(request.viewer, request.params.id, request.body),
  );
};
export default contactRequests;
