import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, timeseriesQuerySchema, timeseriesSchema } from '@talentmap/core';

const timeseries: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/timeseries',
    {
      schema: {
        tags: ['shortage'],
        summary: 'The shortage measures quarter by quarter for a region, occupation, chain or cluster',
        querystring: timeseriesQuerySchema,
        response: { 200: timeseriesSchema, 400: errorSchema },
      },
    },
    async (request) => ({ ...(await app.shortageService.timeseries(request.query, request.viewer)), synthetic: await app.datasetService.isSynthetic() }),
  );
};
export default timeseries;
