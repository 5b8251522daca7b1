import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { gradeSchema, listOf } from '@talentmap/core';

const grades: FastifyPluginAsyncZod = async (app) => {
  app.get('', { schema: { tags: ['reference'], summary: '新八级工 skill grades', response: { 200: listOf(gradeSchema) } } }, async () => {
    const items = await app.referenceService.grades();
    return { items, total: items.length };
  });
};
export default grades;
