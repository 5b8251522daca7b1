import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clusterSchema, listOf } from '@talentmap/core';

const clusters: FastifyPluginAsyncZod = async (app) => {
  app.get('', { schema: { tags: ['reference'], summary: 'The 13 advanced-manufacturing clusters', response: { 200: listOf(clusterSchema) } } }, async () => {
    const items = await app.referenceService.clusters();
    return { items, total: items.length };
  });
};
export default clusters;
