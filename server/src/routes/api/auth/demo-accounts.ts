import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { demoAccountsSchema, errorSchema, NotFoundError } from '@talentmap/core';

const demoAccounts: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/demo-accounts',
    {
      schema: {
        tags: ['auth'],
        summary: 'The demo accounts to sign in with (their password is DEMO_PASSWORD); only while the dataset is the synthetic demo',
        response: { 200: demoAccountsSchema, 404: errorSchema },
      },
    },
    async () => {
      if (!(await app.datasetService.isSynthetic())) throw new NotFoundError('demo accounts (the dataset is not the synthetic demo)');
      return { items: await app.accountService.demoAccounts(), synthetic: true as const };
    },
  );
};
export default demoAccounts;
