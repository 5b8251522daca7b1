import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, healthSchema } from '@talentmap/core';

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    { schema: { tags: ['system'], summary: 'Liveness, driver and which dataset is loaded', response: { 200: healthSchema, 500: errorSchema } } },
    async () => {
      const dataset = await app.datasetService.kind();
      return { status: 'ok' as const, database: app.database.driver, dataset, synthetic: dataset === 'synthetic-demo' };
    },
  );
};
export default health;
