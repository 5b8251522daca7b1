import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, healthSchema } from '@talentmap/core';

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness, driver, which dataset is loaded, and whether the data is complete',
        description: "Answers 200 while the process serves; `status` is 'degraded' with `missing` and a `reason` when part of the data is not loaded.",
        response: { 200: healthSchema, 500: errorSchema },
      },
    },
    async () => {
      const [dataset, { missing, reason }] = await Promise.all([app.datasetService.kind(), app.datasetService.completeness()]);
      const base = { database: app.database.driver, dataset, synthetic: dataset === 'synthetic-demo' };
      // The healthy answer keeps its original shape; only a degraded one says what is missing.
      return missing.length === 0 ? { status: 'ok' as const, ...base } : { status: 'degraded' as const, ...base, missing, reason };
    },
  );
};
export default health;
