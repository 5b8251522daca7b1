import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, pathwaysResponseSchema, talentIdSchema } from '@talentmap/core';

const talents: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/pathways',
    {
      schema: {
        tags: ['match'],
        summary: "Nearest occupations short in the talent's region, the missing skills and the programs that close them",
        params: z.object({ id: talentIdSchema }),
        response: { 200: pathwaysResponseSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request) => app.matchService.pathways(request.params.id, request.viewer),
  );
};
export default talents;
