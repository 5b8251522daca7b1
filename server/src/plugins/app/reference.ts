import fp from 'fastify-plugin';
import { REFERENCE_READS, ReferenceRepository } from '@talentmap/db';
import { ReferenceService } from '../../services/reference.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    referenceService: ReferenceService;
  }
}

export default fp(
  async (app) => {
    app.decorate('referenceService', new ReferenceService(app.reads.route((c) => new ReferenceRepository(c), REFERENCE_READS)));
  },
  { name: 'reference', dependencies: ['database'] },
);
