import fp from 'fastify-plugin';
import { CatalogPublicationRepository, REFERENCE_READS, ReferenceRepository } from '@talentmap/db';
import { CatalogService } from '../../services/catalog.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    catalogService: CatalogService;
  }
}

/** The 紧缺职业目录, live for planners and published for everyone else; the synthetic demo starts with a first publication. */
export default fp(
  async (app) => {
    const service = new CatalogService(
      app.reads.route((c) => new CatalogPublicationRepository(c), ['count', 'list', 'byId', 'latest']),
      app.shortageService,
      app.reads.route((c) => new ReferenceRepository(c), REFERENCE_READS),
    );
    if (await app.datasetService.isSynthetic()) {
      const published = await app.reads.run(
        () => undefined,
        () => service.publishDemo(),
      );
      if (published > 0) app.log.info(`published the demo catalogue for the province and ${published - 1} cities`);
    }
    app.decorate('catalogService', service);
  },
  { name: 'catalog', dependencies: ['database', 'dataset', 'shortage'] },
);
