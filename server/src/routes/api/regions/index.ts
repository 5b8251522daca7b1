import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, regionCollectionSchema, regionsQuerySchema } from '@talentmap/core';

const regions: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    {
      schema: {
        tags: ['reference'],
        summary: 'Cities or districts as a GeoJSON FeatureCollection (GB/T 2260 codes)',
        querystring: regionsQuerySchema,
        response: { 200: regionCollectionSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return app.referenceService.regions(request.query.level, request.query.parent);
    },
  );
};
export default regions;
