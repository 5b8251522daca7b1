import fp from 'fastify-plugin';
import { AccountRepository } from '@talentmap/db';
import { AccountService } from '../../services/account.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    accountService: AccountService;
  }
}

export default fp(
  async (app) => {
    app.decorate('accountService', await AccountService.create(new AccountRepository(app.database)));
  },
  { name: 'accounts', dependencies: ['database'] },
);
