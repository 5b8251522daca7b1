import fp from 'fastify-plugin';
import { MapRepository } from '@talentmap/db';
import { InstitutionService } from '../../services/institution.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    maps: MapRepository;
    institutions: InstitutionService;
  }
}

export default fp(
  async (app) => {
    const maps = new MapRepository(app.database);
    app.decorate('maps', maps);
    app.decorate('institutions', new InstitutionService(maps, app.matcher));
  },
  { name: 'institutions', dependencies: ['database', 'matcher'] },
);
