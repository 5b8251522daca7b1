import fp from 'fastify-plugin';
import { REFERENCE_READS, ReferenceRepository, ShortageRepository } from '@talentmap/db';
import { ShortageService } from '../../services/shortage.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    shortageService: ShortageService;
  }
}

export default fp(
  async (app) => {
    app.decorate(
      'shortageService',
      new ShortageService(
        // The heatmap, trends and catalogue read on replicas; a refresh reads its facts where it writes.
        app.reads.route(
          (c) => new ShortageRepository(c),
          [
            'periods',
            'regionName',
            'groupExists',
            'groupHasOccupation',
            'regionTotals',
            'topOccupations',
            'series',
            'groupSeries',
            'catalog',
            'chainsNeeding',
            'planIndicators',
            'workforce',
          ],
        ),
        app.reads.route((c) => new ReferenceRepository(c), REFERENCE_READS),
      ),
    );
  },
  { name: 'shortage', dependencies: ['database'] },
);
