import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idSchema, vacancyCreateSchema, vacancyListQuerySchema, vacancyListSchema, vacancySchema, vacancyUpdateSchema } from '@talentmap/core';

/** An enterprise's own vacancies (another enterprise's are 404s, so ids cannot be probed). */
const vacancies: FastifyPluginAsyncZod = async (app) => {
  const tags = ['records'];
  const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
  const params = z.object({ id: idSchema });

  app.get(
    '',
    {
      schema: {
        tags,
        summary: "The enterprise's vacancies, newest first",
        querystring: vacancyListQuerySchema,
        response: { 200: vacancyListSchema, ...errors },
      },
    },
    async (request) => app.vacancyService.list(request.viewer, request.query),
  );
  app.post(
    '',
    {
      schema: {
        tags,
        summary: 'Post a vacancy (skills default to the occupation’s profile)',
        body: vacancyCreateSchema,
        response: { 201: vacancySchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await app.vacancyService.create(request.viewer, request.body)),
  );
  app.get('/:id', { schema: { tags, summary: 'One of the enterprise’s vacancies', params, response: { 200: vacancySchema, ...errors } } }, async (request) =>
    app.vacancyService.get(request.viewer, request.params.id),
  );
  app.patch(
    '/:id',
    {
      schema: { tags, summary: 'Edit a vacancy, or close it (status: closed)', params, body: vacancyUpdateSchema, response: { 200: vacancySchema, ...errors } },
    },
    async (request) => app.vacancyService.update(request.viewer, request.params.id, request.body),
  );
};
export default vacancies;
