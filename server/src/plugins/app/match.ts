import fp from 'fastify-plugin';
import { MatchService } from '../../services/match.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    matchService: MatchService;
  }
}

/**
 * Builds the skill space, the text recogniser and the classifier from the reference data
 * once at start-up (deterministic, a fraction of a second) and shares them across requests.
 */
export default fp(
  async (app) => {
    app.decorate('matchService', await MatchService.create(app.database, app.piiKeys, app.reads));
  },
  { name: 'match', dependencies: ['database', 'keys'] },
);
