import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idSchema, programCreateSchema, programListQuerySchema, programListSchema, programSchema, programUpdateSchema } from '@talentmap/core';

/**
 * An institution's own programs, a planner's in its region and an admin's view of all (the public
 * sees programs through GET /api/institutions and the match answers). One the caller may not see is a 404.
 */
const programs: FastifyPluginAsyncZod = async (app) => {
  const tags = ['records'];
  const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
  const params = z.object({ id: idSchema });

  app.get(
    '',
    {
      schema: {
        tags,
        summary: "The institution's programs, a planner's in its region, or all for an admin; newest first",
        querystring: programListQuerySchema,
        response: { 200: programListSchema, ...errors },
      },
    },
    async (request) => app.programService.list(request.viewer, request.query),
  );
  app.post(
    '',
    {
      schema: {
        tags,
        summary: 'Add a program for the institution (skills default to its occupations’ profiles)',
        body: programCreateSchema,
        response: { 201: programSchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await app.programService.create(request.viewer, request.body)),
  );
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'One program: the institution’s own, one in a planner’s region, or any for an admin',
        params,
        response: { 200: programSchema, ...errors },
      },
    },
    async (request) => app.programService.get(request.viewer, request.params.id),
  );
  app.patch(
    '/:id',
    { schema: { tags, summary: 'Edit a program', params, body: programUpdateSchema, response: { 200: programSchema, ...errors } } },
    async (request) => app.programService.update(request.viewer, request.params.id, request.body),
  );
};
export default programs;
