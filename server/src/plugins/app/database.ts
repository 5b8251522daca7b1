import fp from 'fastify-plugin';
import { createClient, type DbClient } from '@talentmap/db';

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

/** Opens the database; services build their repositories on it. */
export default fp(
  async (app, opts: DatabaseOptions) => {
    const client = opts.client ?? (await createClient({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir ?? './data/pglite' }));
    app.decorate('database', client);
    if (!opts.client) app.addHook('onClose', async () => client.close());
  },
  { name: 'database' },
);
