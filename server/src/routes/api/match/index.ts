import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientGone } from '../../../client-gone.js';
import { candidatesRequestSchema, candidatesResponseSchema, errorSchema, programsRequestSchema, programsResponseSchema } from '@talentmap/core';

/**
 * Demand matching: talent for a vacancy, programs for a gap. Results are pseudonymous by
 * construction: the queries never read names, phone or ID numbers, and locations stop at the district.
 */
const match: FastifyPluginAsyncZod = async (app) => {
  const tags = ['match'];
  const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

  app.post(
    '/candidates',
    {
      schema: {
        tags,
        summary: 'Ranked, explained, pseudonymous talent for a vacancy (audit-logged; per-account limit)',
        body: candidatesRequestSchema,
        response: { 200: candidatesResponseSchema, ...errors, 429: errorSchema },
      },
      preHandler: app.talentLevelLimit,
    },
    async (request, reply) => {
      const started = performance.now();
      const { purpose, text, near, ...filters } = request.body;
      const result = await app.matchService.candidates(request.body, request.viewer, clientGone(reply));
      await app.auditService.record(request.viewer, {
        action: 'candidate-search',
        purpose,
        pseudonyms: result.results.map((r) => r.talentId),
        details: { ...filters, ...(text ? { textLength: text.length } : {}), ...(near ? { radiusKm: near.radiusKm } : {}), results: result.results.length },
      });
      return { ...result, tookMs: Math.round((performance.now() - started) * 10) / 10, synthetic: await app.datasetService.isSynthetic() };
    },
  );

  app.post(
    '/programs',
    {
      schema: {
        tags,
        summary: "Training programs ranked by how much of a skill gap they close; with a talentId, that talent's gap (audit-logged)",
        body: programsRequestSchema,
        response: { 200: programsResponseSchema, ...errors, 429: errorSchema },
      },
      preHandler: async (request) => {
        if (request.body.talentId) await app.talentLevelLimit(request);
      },
    },
    async (request) => {
      const { talentId, purpose, occupationCode } = request.body;
      const answer = await app.matchService.programs(request.body, request.viewer);
      if (talentId)
        await app.auditService.record(request.viewer, {
          action: 'talent-gap',
          purpose,
          pseudonyms: [talentId],
          details: { occupationCode, results: answer.results.length },
        });
      return answer;
    },
  );
};
export default match;
