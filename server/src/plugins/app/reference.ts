import fp from 'fastify-plugin';
import { ReferenceRepository } from '@talentmap/db';
import { ReferenceService } from '../../services/reference.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    referenceService: ReferenceService;
  }
}

export default fp(
  async (app) => {
    app.decorate('referenceService', new ReferenceService(new ReferenceRepository(app.database)));
  },
  { name: 'reference', dependencies: ['database'] },
);
