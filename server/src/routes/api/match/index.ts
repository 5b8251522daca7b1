import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { candidatesRequestSchema, candidatesResponseSchema, errorSchema, programsRequestSchema, programsResponseSchema } from '@talentmap/core';

/**
 * Demand matching: talent for a vacancy, programs for a gap. Results are pseudonymous by
 * construction: the queries never read names, phone or ID numbers, and locations stop at the district.
 */
const match: FastifyPluginAsyncZod = async (app) => {
  const tags = ['match'];
  const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

  app.post(
    '/candidates',
    {
      schema: {
        tags,
        summary: 'Ranked, explained, pseudonymous talent for a vacancy',
        body: candidatesRequestSchema,
        response: { 200: candidatesResponseSchema, ...errors },
      },
    },
    async (request) => {
      const started = performance.now();
      const result = await app.matchService.candidates(request.body, request.viewer);
      return { ...result, tookMs: Math.round((performance.now() - started) * 10) / 10, synthetic: await app.datasetService.isSynthetic() };
    },
  );

  app.post(
    '/programs',
    {
      schema: {
        tags,
        summary: 'Training programs ranked by how much of a skill gap they close',
        body: programsRequestSchema,
        response: { 200: programsResponseSchema, ...errors },
      },
    },
    async (request) => app.matchService.programs(request.body, request.viewer),
  );
};
export default match;
