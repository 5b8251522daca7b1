import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, heatmapQuerySchema, heatmapSchema } from '@talentmap/core';

const heatmap: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/heatmap',
    {
      schema: {
        tags: ['shortage'],
        summary: 'Vacancies, seekers, 求人倍率 and shortage score per city or district',
        querystring: heatmapQuerySchema,
        response: { 200: heatmapSchema, 400: errorSchema },
      },
    },
    async (request) => ({ ...(await app.shortageService.heatmap(request.query, request.viewer)), synthetic: await app.datasetService.isSynthetic() }),
  );
};
export default heatmap;
