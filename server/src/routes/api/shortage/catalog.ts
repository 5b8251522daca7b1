import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { catalogQuerySchema, catalogSchema, errorSchema } from '@talentmap/core';
import { catalogDownload } from '../../../services/catalog-export.js';

const catalog: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/catalog',
    {
      schema: {
        tags: ['shortage'],
        summary:
          '紧缺职业目录: live for a planner in its region, else the latest publication; occupation × grade ranked by shortage score, with reasons; JSON, CSV (UTF-8 BOM) or XLSX',
        querystring: catalogQuerySchema,
        response: { 200: catalogSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const answer = await app.catalogService.catalog(request.query, request.viewer);
      if (format === 'json') return { ...answer, synthetic: await app.datasetService.isSynthetic() };
      const file = await catalogDownload(answer, format);
      // The typed reply only knows the JSON shape; downloads bypass the serializer.
      return (reply as unknown as FastifyReply).type(file.contentType).header('content-disposition', file.disposition).send(file.body);
    },
  );
};
export default catalog;
