import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enterprisePointsQuerySchema, enterprisePointsSchema, errorSchema, talentDensityQuerySchema, talentDensitySchema } from '@talentmap/core';

/** Map layers: talent density as hexagons (never points), enterprises as points. */
const map: FastifyPluginAsyncZod = async (app) => {
  const tags = ['map'];

  app.get(
    '/talents',
    {
      schema: {
        tags,
        summary: 'Talent density on an H3 hexagon grid; counts exact for a provincial planner, otherwise under 5 suppressed and rounded to 5',
        querystring: talentDensityQuerySchema,
        response: { 200: talentDensitySchema, 400: errorSchema },
      },
    },
    async (request) => ({ ...(await app.mapService.talentDensity(request.query, request.viewer)), synthetic: await app.datasetService.isSynthetic() }),
  );

  app.get(
    '/enterprises',
    {
      schema: {
        tags,
        summary: 'Enterprises as points, with their chain and cluster',
        querystring: enterprisePointsQuerySchema,
        response: { 200: enterprisePointsSchema, 400: errorSchema },
      },
    },
    async (request) => ({ ...(await app.mapService.enterprises(request.query)), synthetic: await app.datasetService.isSynthetic() }),
  );
};
export default map;
