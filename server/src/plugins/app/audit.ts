import fp from 'fastify-plugin';
import { AuditRepository } from '@talentmap/db';
import type { ViewerContext } from '@talentmap/core';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../../services/audit.service.js';
import { AccountRateLimit } from '../../services/account-rate-limit.js';
import type { AppOptions } from '../../app.js';

declare module 'fastify' {
  interface FastifyInstance {
    auditService: AuditService;
    /** preHandler for talent-level routes: counts the request against the account's per-minute limit. */
    talentLevelLimit: (request: FastifyRequest) => Promise<void>;
  }
}

const DEFAULT_ACCOUNT_PER_MINUTE = 120;

/** The audit log, and the per-account limit on the reads it records. */
export default fp(
  async (app, opts: AppOptions) => {
    app.decorate(
      'auditService',
      new AuditService(new AuditRepository(app.database), (pseudonym: string, viewer: ViewerContext) => app.matchService.talentIdOf(pseudonym, viewer)),
    );
    const limit = new AccountRateLimit(opts.config.RATE_LIMIT_ACCOUNT_PER_MINUTE ?? DEFAULT_ACCOUNT_PER_MINUTE);
    app.decorate('talentLevelLimit', async (request: FastifyRequest) => limit.take(request.viewer));
  },
  { name: 'audit', dependencies: ['database', 'match'] },
);
