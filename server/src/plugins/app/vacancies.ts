import fp from 'fastify-plugin';
import { VacancyRepository } from '@talentmap/db';
import { VacancyService } from '../../services/vacancy.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    vacancyService: VacancyService;
  }
}

/** Enterprises' vacancies: kept by their owners, read by planners of their region, searched for candidates. */
export default fp(
  async (app) => {
    app.decorate('vacancyService', new VacancyService(new VacancyRepository(app.database), app.matchService));
  },
  { name: 'vacancies', dependencies: ['database', 'match'] },
);
