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
        summary: 'Talent density on an H3 hexagon grid; hexagons under 5 talents are suppressed',
        querystring: talentDensityQuerySchema,
        response: { 200: talentDensitySchema, 400: errorSchema },
      },
    },
    async (request) => ({ ...(await app.mapService.talentDensity(request.query)), synthetic: await app.datasetService.isSynthetic() }),
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
