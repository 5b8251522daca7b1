import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { indicatorsSchema } from '@talentmap/core';

const indicators: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '',
    {
      schema: { tags: ['shortage'], summary: '专栏1 indicators: 2020 baseline, 2025 target, current value and progress', response: { 200: indicatorsSchema } },
    },
    async () => app.shortageService.indicators(await app.datasetService.isSynthetic()),
  );
};
export default indicators;
