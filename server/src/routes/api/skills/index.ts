import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, listOf, searchQuerySchema, skillSchema } from '@talentmap/core';

const skills: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    {
      schema: {
        tags: ['reference'],
        summary: 'Search skills by name or alias',
        querystring: searchQuerySchema,
        response: { 200: listOf(skillSchema), 400: errorSchema },
      },
    },
    async (request) => app.referenceService.searchSkills(request.query),
  );
};
export default skills;
