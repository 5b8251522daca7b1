import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, pathwaysResponseSchema, purposeSchema, talentIdSchema } from '@talentmap/core';

const talents: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/pathways',
    {
      schema: {
        tags: ['match'],
        summary: "Nearest occupations short in the talent's region, the missing skills and the programs that close them (audit-logged)",
        params: z.object({ id: talentIdSchema }),
        querystring: z.object({ purpose: purposeSchema.optional() }),
        response: { 200: pathwaysResponseSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 429: errorSchema },
      },
      preHandler: app.talentLevelLimit,
    },
    async (request) => {
      const answer = await app.matchService.pathways(request.params.id, request.viewer);
      await app.auditService.record(request.viewer, {
        action: 'talent-pathways',
        purpose: request.query.purpose,
        pseudonyms: [request.params.id],
        details: { pathways: answer.pathways.length },
      });
      return answer;
    },
  );
};
export default talents;
