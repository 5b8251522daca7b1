import fp from 'fastify-plugin';
import { ProgramRepository } from '@talentmap/db';
import { ProgramService } from '../../services/program.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    programService: ProgramService;
  }
}

/** Institutions' programs: kept by their owners, read by planners of their region and by admins. */
export default fp(
  async (app) => {
    app.decorate('programService', new ProgramService(new ProgramRepository(app.database), app.matchService));
  },
  { name: 'programs', dependencies: ['database', 'match'] },
);
