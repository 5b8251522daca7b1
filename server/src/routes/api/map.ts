import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  enterprisePointsQuerySchema,
  enterprisePointsSchema,
  errorSchema,
  talentDensityQuerySchema,
  talentDensitySchema,
  type TalentDensity,
} from '@talentmap/core';
import { h3ResolutionFor, hexbin } from '@talentmap/geo';
import { suppressSmall } from '../../services/institution.service.js';
import { badRequest } from '../../plugins/external/errors.js';

/** Map layers: talent density as hexagons (never points), enterprises as points. */
const map: FastifyPluginAsyncZod = async (app) => {
  const tags = ['map'];
  // Layers change only when data is reloaded; a handful of filter combinations cover the UI.
  const densityCache = new Map<string, Promise<Omit<TalentDensity, 'synthetic'>>>();

  app.get(
    '/map/talents',
    {
      schema: {
        tags,
        summary: 'Talent density on an H3 hexagon grid; hexagons under 5 talents are suppressed',
        querystring: talentDensityQuerySchema,
        response: { 200: talentDensitySchema, 400: errorSchema },
      },
    },
    async (request) => {
      const { cellKm, occupation, minGrade } = request.query;
      if (occupation) app.matcher.occupation(occupation);
      const key = JSON.stringify([cellKm, occupation, minGrade]);
      let layer = densityCache.get(key);
      if (!layer) {
        if (densityCache.size > 64) densityCache.delete(densityCache.keys().next().value as string);
        layer = (async () => {
          // Pre-aggregate on a grid a fifth of the hexagon size, then bin the grid cells.
          const grid = await app.maps.talentGrid(Math.max(0.01, cellKm / 5 / 111), { occupation, minGrade });
          const cells = hexbin(grid, h3ResolutionFor(cellKm));
          return {
            type: 'FeatureCollection' as const,
            features: cells.map((c) => ({
              type: 'Feature' as const,
              geometry: { type: 'Polygon' as const, coordinates: [c.ring] },
              properties: { count: suppressSmall(c.count), suppressed: suppressSmall(c.count) === null },
            })),
            total: grid.reduce((s, g) => s + g.weight, 0),
            cellKm,
          };
        })();
        densityCache.set(key, layer);
        layer.catch(() => densityCache.delete(key));
      }
      return { ...(await layer), synthetic: (await app.dataset.kind()) === 'synthetic-demo' };
    },
  );

  app.get(
    '/map/enterprises',
    {
      schema: { tags, summary: 'Enterprises as points, with their chain and cluster', querystring: enterprisePointsQuerySchema, response: { 200: enterprisePointsSchema, 400: errorSchema } },
    },
    async (request) => {
      const { chain, cluster } = request.query;
      if (chain && (await app.reference.chains({})).every((c) => c.code !== chain)) throw badRequest('chain', `unknown chain ${chain}`);
      if (cluster && (await app.reference.clusters()).every((c) => c.code !== cluster)) throw badRequest('cluster', `unknown cluster ${cluster}`);
      const rows = await app.maps.enterprises({ chain, cluster });
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((r) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [Number(r.lng), Number(r.lat)] as [number, number] },
          properties: { id: Number(r.id), name: r.name, chainCode: r.chainCode, chainName: r.chainName, clusterCode: r.clusterCode, size: r.size, chainLeader: r.chainLeader, regionCode: r.regionCode },
        })),
        synthetic: (await app.dataset.kind()) === 'synthetic-demo',
      };
    },
  );
};
export default map;
