import fp from 'fastify-plugin';
import { InstitutionRepository } from '@talentmap/db';
import { InstitutionService } from '../../services/institution.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    institutionService: InstitutionService;
  }
}

export default fp(
  async (app) => {
    app.decorate('institutionService', new InstitutionService(new InstitutionRepository(app.database), app.matchService));
  },
  { name: 'institutions', dependencies: ['database', 'match'] },
);
