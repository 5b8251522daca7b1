import fp from 'fastify-plugin';
import { MapRepository } from '@talentmap/db';
import { MapService } from '../../services/map.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    mapService: MapService;
  }
}

export default fp(
  async (app) => {
    app.decorate(
      'mapService',
      new MapService(
        app.reads.route((c) => new MapRepository(c), ['talentGrid', 'enterprises']),
        app.referenceService,
        app.matchService,
      ),
    );
  },
  { name: 'map', dependencies: ['database', 'reference', 'match'] },
);
