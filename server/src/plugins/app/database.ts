import fp from 'fastify-plugin';
import { checkSettings, createClient, formatBytes, ReadRouter, type DbClient } from '@talentmap/db';

declare module 'fastify' {
  interface FastifyInstance {
    database: DbClient;
    /** Where reads go: streaming replicas when DATABASE_REPLICA_URLS names any, else the primary. */
    reads: ReadRouter;
  }
}

export interface DatabaseOptions {
  /** An open client (tests share one); otherwise one is created from the URL or data dir. */
  client?: DbClient;
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** Streaming replicas of the PostgreSQL primary (DATABASE_REPLICA_URLS). */
  replicaUrls?: readonly string[];
}

/**
 * POSTs that only read (searches): they write an audit entry, which the caller never reads back,
 * so they do not send the caller's next reads to the primary.
 */
const READ_ONLY_POSTS = new Set(['/api/match/candidates', '/api/match/programs', '/api/occupations/classify', '/api/vacancies/:id/candidates']);
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes that everyone reads next, not only their author: a published catalogue is news for the public. */
const PUBLIC_WRITES = new Set(['/api/shortage/catalog/publications']);

/**
 * Opens the database (on PostgreSQL, warning about memory settings below what search needs) and
 * the read replicas; services build their repositories on them. Each request's reads know whose
 * they are, and a successful write notes the primary's WAL position for its account before the
 * answer leaves, so that account's next reads wait for a replica that has replayed it.
 */
export default fp(
  async (app, opts: DatabaseOptions) => {
    const client = opts.client ?? (await createClient({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir ?? './data/pglite' }));
    app.decorate('database', client);
    for (const advice of await checkSettings(client))
      app.log.warn(`PostgreSQL ${advice.name} is ${formatBytes(advice.currentBytes)}; ${formatBytes(advice.recommendedBytes)} is recommended: ${advice.why}`);
    if (!opts.client) app.addHook('onClose', async () => client.close());

    const replicaUrls = opts.replicaUrls ?? [];
    if (replicaUrls.length > 0 && client.driver !== 'postgres')
      throw new Error('DATABASE_REPLICA_URLS needs DATABASE_URL: the embedded database has no replicas');
    const reads = await ReadRouter.open(client, replicaUrls, {
      onChange: (replica, error) =>
        replica.healthy
          ? app.log.info(`read replica ${replica.name} is serving reads`)
          : app.log.warn(`read replica ${replica.name} is down (${error instanceof Error ? error.message : String(error)}); its reads go elsewhere`),
    });
    app.decorate('reads', reads);
    app.addHook('onClose', async () => reads.close());
    if (!reads.enabled) return;

    const accountOf = (viewer: { accountId?: number }) => (viewer.accountId === undefined ? undefined : String(viewer.accountId));
    // The last hook before the handler: the body is parsed and the viewer known (a callback hook, so the handler runs inside).
    app.addHook('preHandler', (request, _reply, done) => reads.run(() => accountOf(request.viewer), done));
    app.addHook('onSend', async (request, reply) => {
      const account = accountOf(request.viewer);
      if (account === undefined || READ_METHODS.has(request.method) || reply.statusCode >= 400) return;
      const route = request.routeOptions.url ?? '';
      if (request.method === 'POST' && READ_ONLY_POSTS.has(route)) return;
      await reads.noteWrite(PUBLIC_WRITES.has(route) ? null : account);
    });
  },
  { name: 'database' },
);
