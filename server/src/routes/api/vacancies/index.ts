import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  candidatesResponseSchema,
  errorSchema,
  idSchema,
  vacancyCandidatesRequestSchema,
  vacancyCreateSchema,
  vacancyListQuerySchema,
  vacancyListSchema,
  vacancySchema,
  vacancyUpdateSchema,
} from '@talentmap/core';

/**
 * An enterprise's own vacancies, and a planner's view of those in its region. One the caller may
 * not see is a 404, not a 403, so ids cannot be probed.
 */
const vacancies: FastifyPluginAsyncZod = async (app) => {
  const tags = ['records'];
  const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
  const params = z.object({ id: idSchema });

  app.get(
    '',
    {
      schema: {
        tags,
        summary: "The enterprise's vacancies, or a planner's in its region; newest first",
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
        summary: 'Post a vacancy for the enterprise (skills from names and text, else the occupation’s profile)',
        body: vacancyCreateSchema,
        response: { 201: vacancySchema, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await app.vacancyService.create(request.viewer, request.body)),
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'One vacancy: the enterprise’s own, or one in a planner’s region', params, response: { 200: vacancySchema, ...errors } } },
    async (request) => app.vacancyService.get(request.viewer, request.params.id),
  );
  app.patch(
    '/:id',
    {
      schema: { tags, summary: 'Edit a vacancy, or close it (status: closed)', params, body: vacancyUpdateSchema, response: { 200: vacancySchema, ...errors } },
    },
    async (request) => app.vacancyService.update(request.viewer, request.params.id, request.body),
  );

  // The same search, audit entry and per-account limit as POST /api/match/candidates.
  app.post(
    '/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Ranked, explained, pseudonymous talent for this vacancy (audit-logged; per-account limit)',
        params,
        body: vacancyCandidatesRequestSchema,
        response: { 200: candidatesResponseSchema, ...errors, 429: errorSchema },
      },
      preHandler: app.talentLevelLimit,
    },
    async (request) => {
      const started = performance.now();
      const { purpose, ...options } = request.body;
      const result = await app.vacancyService.candidates(request.viewer, request.params.id, request.body);
      await app.auditService.record(request.viewer, {
        action: 'candidate-search',
        purpose,
        pseudonyms: result.results.map((r) => r.talentId),
        details: { vacancyId: request.params.id, ...options, results: result.results.length },
      });
      return { ...result, tookMs: Math.round((performance.now() - started) * 10) / 10, synthetic: await app.datasetService.isSynthetic() };
    },
  );
};
export default vacancies;
