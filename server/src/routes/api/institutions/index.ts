import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idSchema, institutionFitSchema, institutionsQuerySchema, institutionsSchema } from '@talentmap/core';

/** Institutions (技工院校, training bodies, 实训基地, 技能大师工作室): where they are and how their programs fit industry. */
const institutions: FastifyPluginAsyncZod = async (app) => {
  const tags = ['institutions'];

  app.get(
    '',
    {
      schema: {
        tags,
        summary: 'Institutions by name, city or district and kind',
        querystring: institutionsQuerySchema,
        response: { 200: institutionsSchema, 400: errorSchema },
      },
    },
    async (request) => ({ ...(await app.institutionService.list(request.query)), synthetic: await app.datasetService.isSynthetic() }),
  );

  app.get(
    '/:id/fit',
    {
      schema: {
        tags,
        summary: '专业与产业吻合度 of each program, and the courses to add ranked by shortage relieved and near-match talents unlocked',
        params: z.object({ id: idSchema }),
        response: { 200: institutionFitSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request) => ({ ...(await app.institutionService.fit(request.params.id, request.viewer)), synthetic: await app.datasetService.isSynthetic() }),
  );
};
export default institutions;
