import fp from 'fastify-plugin';
import { DatasetRepository } from '@talentmap/db';
import { DatasetService } from '../../services/dataset.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    datasetService: DatasetService;
  }
}

export default fp(
  async (app) => {
    app.decorate('datasetService', new DatasetService(new DatasetRepository(app.database)));
  },
  { name: 'dataset', dependencies: ['database'] },
);
