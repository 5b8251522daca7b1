import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { chainSchema, chainsQuerySchema, errorSchema, listOf } from '@talentmap/core';

const chains: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    {
      schema: {
        tags: ['reference'],
        summary: 'Industry chains (30 advantage, 10 of them excellence)',
        querystring: chainsQuerySchema,
        response: { 200: listOf(chainSchema), 400: errorSchema },
      },
    },
    async (request) => {
      const items = await app.referenceService.chains(request.query);
      return { items, total: items.length };
    },
  );
};
export default chains;
