import fp from 'fastify-plugin';
import { ReferenceRepository, ShortageRepository } from '@talentmap/db';
import { ShortageService } from '../../services/shortage.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    shortageService: ShortageService;
  }
}

export default fp(
  async (app) => {
    app.decorate('shortageService', new ShortageService(new ShortageRepository(app.database), new ReferenceRepository(app.database)));
  },
  { name: 'shortage', dependencies: ['database'] },
);
