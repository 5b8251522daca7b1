import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  classifyRequestSchema,
  classifyResponseSchema,
  errorSchema,
  listOf,
  occupationCodeSchema,
  occupationSchema,
  occupationSearchQuerySchema,
  occupationTreeSchema,
  relatedQuerySchema,
  relatedResponseSchema,
} from '@talentmap/core';

/** Occupations: search the catalogue, code free text to occupations, and find neighbours in skill space. */
const occupations: FastifyPluginAsyncZod = async (app) => {
  const tags = ['occupations'];
  const errors = { 400: errorSchema, 404: errorSchema };

  app.get(
    '',
    {
      schema: {
        tags,
        summary: 'Search occupations by name, 大典 code or alias, optionally within a chain',
        querystring: occupationSearchQuerySchema,
        response: { 200: listOf(occupationSchema), 400: errorSchema },
      },
    },
    async (request) => app.referenceService.searchOccupations(request.query),
  );

  app.get(
    '/tree',
    {
      schema: {
        tags,
        summary: 'The 2022 hierarchy 大类 → 中类 → 小类, with the number of 细类 under each group',
        response: { 200: occupationTreeSchema },
      },
    },
    async () => app.referenceService.occupationTree(),
  );

  app.post(
    '/classify',
    {
      schema: {
        tags,
        summary: 'Free text (an advert, a résumé line) → skills → ranked occupations',
        body: classifyRequestSchema,
        response: { 200: classifyResponseSchema, ...errors },
      },
    },
    async (request) => app.matchService.classify(request.body.text, request.body.limit),
  );

  app.get(
    '/:code/related',
    {
      schema: {
        tags,
        summary: 'Occupations nearest in skill space, with shared and differing skills',
        params: z.object({ code: occupationCodeSchema }),
        querystring: relatedQuerySchema,
        response: { 200: relatedResponseSchema, ...errors },
      },
    },
    async (request) => app.matchService.related(request.params.code, request.query.limit),
  );
};
export default occupations;
