import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  catalogEntrySchema,
  errorSchema,
  idSchema,
  publicationListQuerySchema,
  publicationListSchema,
  publicationSummarySchema,
  publishCatalogSchema,
} from '@talentmap/core';

/** Published catalogues: frozen, dated copies a planner made; what the public reads. */
const publications: FastifyPluginAsyncZod = async (app) => {
  const tags = ['shortage'];

  app.post(
    '/catalog/publications',
    {
      schema: {
        tags,
        summary: "Publish the catalogue of the planner's region (or a city in it) as it stands: a new, frozen, dated publication",
        body: publishCatalogSchema,
        response: { 201: publicationSummarySchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await app.catalogService.publish(request.viewer, request.body)),
  );

  app.get(
    '/catalog/publications',
    {
      schema: {
        tags,
        summary: 'Published catalogues, newest first',
        querystring: publicationListQuerySchema,
        response: { 200: publicationListSchema, 400: errorSchema },
      },
    },
    async (request) => ({ items: await app.catalogService.list(request.query.region, request.query.limit) }),
  );

  app.get(
    '/catalog/publications/:id',
    {
      schema: {
        tags,
        summary: 'One published catalogue with its entries (counts of people protected outside a planner’s region)',
        params: z.object({ id: idSchema }),
        response: { 200: publicationSummarySchema.extend({ entries: z.array(catalogEntrySchema) }), 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => app.catalogService.publication(request.params.id, request.viewer),
  );
};
export default publications;
