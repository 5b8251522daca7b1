import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, forecastQuerySchema, forecastSchema } from '@talentmap/core';

const forecast: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    {
      schema: {
        tags: ['shortage'],
        summary: 'Quarterly demand forecast with prediction intervals and its back-test error',
        querystring: forecastQuerySchema,
        response: { 200: forecastSchema, 400: errorSchema },
      },
    },
    async (request) => ({ ...(await app.shortageService.forecast(request.query)), synthetic: await app.datasetService.isSynthetic() }),
  );
};
export default forecast;
