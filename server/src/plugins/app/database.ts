import fp from 'fastify-plugin';
import { createClient, DatasetRepository, ReferenceRepository, type DbClient } from '@talentmap/db';

declare module 'fastify' {
  interface FastifyInstance {
    database: DbClient;
    reference: ReferenceRepository;
    dataset: DatasetRepository;
  }
}

export interface DatabaseOptions {
  /** An open client (tests share one); otherwise one is created from the URL or data dir. */
  client?: DbClient;
  databaseUrl?: string | undefined;
  dataDir?: string;
}

/** Opens the database and exposes the repositories; routes reach data only through these. */
export default fp(
  async (app, opts: DatabaseOptions) => {
    const client = opts.client ?? (await createClient({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir ?? './data/pglite' }));
    app.decorate('database', client);
    app.decorate('reference', new ReferenceRepository(client));
    app.decorate('dataset', new DatasetRepository(client));
    if (!opts.client) app.addHook('onClose', async () => client.close());
  },
  { name: 'database' },
);
