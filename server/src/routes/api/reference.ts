import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  chainSchema,
  chainsQuerySchema,
  clusterSchema,
  errorSchema,
  gradeSchema,
  listOf,
  occupationSchema,
  occupationSearchQuerySchema,
  regionCollectionSchema,
  regionsQuerySchema,
  searchQuerySchema,
  skillSchema,
  type RegionCollection,
} from '@talentmap/core';
import { badRequest } from '../../plugins/external/errors.js';

/** Regions, clusters, chains, grades, occupations and skills: the reference data the map and matcher share. */
const reference: FastifyPluginAsyncZod = async (app) => {
  // Boundaries are large and immutable once loaded: build each collection once per process.
  const regionCache = new Map<string, Promise<RegionCollection>>();
  const tags = ['reference'];

  app.get(
    '/regions',
    {
      schema: {
        tags,
        summary: 'Cities or districts as a GeoJSON FeatureCollection (GB/T 2260 codes)',
        querystring: regionsQuerySchema,
        response: { 200: regionCollectionSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { level, parent } = request.query;
      if (parent && !(await app.reference.regionExists(parent))) throw badRequest('parent', `unknown region code ${parent}`);
      const key = `${level}:${parent ?? ''}`;
      let collection = regionCache.get(key);
      if (!collection) {
        collection = app.reference.regions(level, parent).then((features) => ({ type: 'FeatureCollection' as const, features }));
        regionCache.set(key, collection);
      }
      reply.header('cache-control', 'public, max-age=3600');
      return collection;
    },
  );

  app.get('/clusters', { schema: { tags, summary: 'The 13 advanced-manufacturing clusters', response: { 200: listOf(clusterSchema) } } }, async () => {
    const items = await app.reference.clusters();
    return { items, total: items.length };
  });

  app.get(
    '/chains',
    { schema: { tags, summary: 'Industry chains (30 advantage, 10 of them excellence)', querystring: chainsQuerySchema, response: { 200: listOf(chainSchema), 400: errorSchema } } },
    async (request) => {
      const items = await app.reference.chains(request.query);
      return { items, total: items.length };
    },
  );

  app.get('/grades', { schema: { tags, summary: '新八级工 skill grades', response: { 200: listOf(gradeSchema) } } }, async () => {
    const items = await app.reference.grades();
    return { items, total: items.length };
  });

  app.get(
    '/occupations',
    {
      schema: {
        tags,
        summary: 'Search occupations by name, 大典 code or alias, optionally within a chain',
        querystring: occupationSearchQuerySchema,
        response: { 200: listOf(occupationSchema), 400: errorSchema },
      },
    },
    async (request) => {
      const { q, limit, offset, chain } = request.query;
      if (chain && (await app.reference.chains({})).every((c) => c.code !== chain)) throw badRequest('chain', `unknown chain ${chain}`);
      return app.reference.searchOccupations(q || undefined, limit, offset, chain);
    },
  );

  app.get(
    '/skills',
    { schema: { tags, summary: 'Search skills by name or alias', querystring: searchQuerySchema, response: { 200: listOf(skillSchema), 400: errorSchema } } },
    async (request) => {
      const { q, limit, offset } = request.query;
      return app.reference.searchSkills(q || undefined, limit, offset);
    },
  );
};
export default reference;
