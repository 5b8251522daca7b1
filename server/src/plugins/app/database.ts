import fp from 'fastify-plugin';
import { checkSettings, createClient, formatBytes, type DbClient } from '@talentmap/db';

declare module 'fastify' {
  interface FastifyInstance {
    database: DbClient;
  }
}

export interface DatabaseOptions {
  /** An open client (tests share one); otherwise one is created from the URL or data dir. */
  client?: DbClient;
  databaseUrl?: string | undefined;
  dataDir?: string;
}

/** Opens the database (on PostgreSQL, warning about memory settings below what search needs); services build their repositories on it. */
export default fp(
  async (app, opts: DatabaseOptions) => {
    const client = opts.client ?? (await createClient({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir ?? './data/pglite' }));
    app.decorate('database', client);
    for (const advice of await checkSettings(client))
      app.log.warn(`PostgreSQL ${advice.name} is ${formatBytes(advice.currentBytes)}; ${formatBytes(advice.recommendedBytes)} is recommended: ${advice.why}`);
    if (!opts.client) app.addHook('onClose', async () => client.close());
  },
  { name: 'database' },
);
