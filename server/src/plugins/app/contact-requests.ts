import fp from 'fastify-plugin';
import { ContactRequestRepository } from '@talentmap/db';
import { ContactRequestService } from '../../services/contact-request.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    contactRequestService: ContactRequestService;
  }
}

export default fp(
  async (app) => {
    app.decorate('contactRequestService', new ContactRequestService(new ContactRequestRepository(app.database), app.matchService, app.auditService));
  },
  { name: 'contact-requests', dependencies: ['database', 'match', 'audit'] },
);
