import fp from 'fastify-plugin';
import { OwnedRecordRepository } from '@talentmap/db';
import { ProgramService } from '../../services/program.service.js';
import { VacancyService } from '../../services/vacancy.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    vacancyService: VacancyService;
    programService: ProgramService;
  }
}

/** An enterprise's vacancies and an institution's programs, kept by their owners. */
export default fp(
  async (app) => {
    const repo = new OwnedRecordRepository(app.database);
    app.decorate('vacancyService', new VacancyService(repo, app.matchService));
    app.decorate('programService', new ProgramService(repo, app.matchService));
  },
  { name: 'records', dependencies: ['database', 'match'] },
);
