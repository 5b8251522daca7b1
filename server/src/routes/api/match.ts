import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  candidatesRequestSchema,
  candidatesResponseSchema,
  classifyRequestSchema,
  classifyResponseSchema,
  errorSchema,
  occupationCodeSchema,
  pathwaysResponseSchema,
  programsRequestSchema,
  programsResponseSchema,
  relatedQuerySchema,
  relatedResponseSchema,
  talentIdSchema,
} from '@talentmap/core';

/**
 * The matching engine over HTTP: text → occupation, talent for a vacancy, programs for a
 * gap, pathways for a worker, related occupations. Results are pseudonymous by construction:
 * the queries never read names, phone or ID numbers, and locations stop at the district.
 */
const match: FastifyPluginAsyncZod = async (app) => {
  const tags = ['match'];
  const errors = { 400: errorSchema, 404: errorSchema };

  app.post(
    '/occupations/classify',
    { schema: { tags, summary: 'Free text (an advert, a résumé line) → skills → ranked occupations', body: classifyRequestSchema, response: { 200: classifyResponseSchema, ...errors } } },
    async (request) => app.matcher.classify(request.body.text, request.body.limit),
  );

  app.get(
    '/occupations/:code/related',
    {
      schema: {
        tags,
        summary: 'Occupations nearest in skill space, with shared and differing skills',
        params: z.object({ code: occupationCodeSchema }),
        querystring: relatedQuerySchema,
        response: { 200: relatedResponseSchema, ...errors },
      },
    },
    async (request) => app.matcher.related(request.params.code, request.query.limit),
  );

  app.post(
    '/match/candidates',
    { schema: { tags, summary: 'Ranked, explained, pseudonymous talent for a vacancy', body: candidatesRequestSchema, response: { 200: candidatesResponseSchema, ...errors } } },
    async (request) => {
      const started = performance.now();
      const result = await app.matcher.candidates(request.body);
      const dataset = await app.dataset.kind();
      return { ...result, tookMs: Math.round((performance.now() - started) * 10) / 10, synthetic: dataset === 'synthetic-demo' };
    },
  );

  app.post(
    '/match/programs',
    { schema: { tags, summary: 'Training programs ranked by how much of a skill gap they close', body: programsRequestSchema, response: { 200: programsResponseSchema, ...errors } } },
    async (request) => app.matcher.programs(request.body),
  );

  app.get(
    '/talents/:id/pathways',
    {
      schema: {
        tags,
        summary: "Nearest occupations short in the talent's region, the missing skills and the programs that close them",
        params: z.object({ id: talentIdSchema }),
        response: { 200: pathwaysResponseSchema, ...errors },
      },
    },
    async (request) => app.matcher.pathways(request.params.id),
  );
};
export default match;
