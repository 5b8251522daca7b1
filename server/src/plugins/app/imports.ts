import { join } from 'node:path';
import { tmpdir } from 'node:os';
import fp from 'fastify-plugin';
import multipart from '@fastify/multipart';
import { ImportRepository } from '@talentmap/db';
import type { AppOptions } from '../../app.js';
import type { ImportService } from '../../services/import.service.js';
import { createImportService } from '../../services/imports/setup.js';

declare module 'fastify' {
  interface FastifyInstance {
    importService: ImportService;
  }
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
/** How often a process looks whether another (the CLI, a second server) changed the data. */
const DATA_VERSION_POLL_MS = 5_000;

/**
 * Imports: multipart uploads (one file, streamed to disk), the job worker, and after every commit
 * the rollups and this process's caches rebuilt; other processes notice the data version move.
 */
export default fp(
  async (app, opts: AppOptions) => {
    const maxBytes = opts.config.IMPORT_MAX_BYTES ?? DEFAULT_MAX_BYTES;
    await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 200, parts: 6 } });
    const dropCaches = async () => {
      // Everyone's reads wait for a replica that has the import (and the rollups rebuilt after it).
      await app.reads.noteWrite(null);
      await app.matchService.refreshDistribution();
      app.mapService.invalidate();
    };
    const staleSeconds = opts.config.IMPORT_STALE_SECONDS ?? 30;
    const service = createImportService({
      client: app.database,
      match: app.matchService,
      piiKeys: app.piiKeys,
      afterRefresh: dropCaches,
      // API tests run many apps in one process: each keeps its uploads apart.
      uploadDir: opts.config.IMPORT_DIR ?? join(tmpdir(), 'talentmap-imports'),
      staleSeconds,
      maxBytes,
      log: app.log,
    });
    app.decorate('importService', service);

    const versions = new ImportRepository(app.database);
    let seen = await versions.dataVersion();
    const poll = setInterval(() => {
      void versions
        .dataVersion()
        .then(async (version) => {
          if (version === seen) return;
          seen = version;
          await dropCaches();
        })
        .catch(() => {});
    }, DATA_VERSION_POLL_MS);
    poll.unref();

    // A job whose process dies while this one runs would otherwise say `running` until the next start.
    let sweep: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      await service.recover(app.database.driver === 'pglite');
      sweep = setInterval(
        () => void service.sweep().catch((error: unknown) => app.log.error({ err: error }, 'import sweep failed')),
        (opts.config.IMPORT_SWEEP_SECONDS ?? staleSeconds / 2) * 1000,
      );
      sweep.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(poll);
      clearInterval(sweep);
      await service.stop();
    });
  },
  { name: 'imports', dependencies: ['database', 'keys', 'match', 'map'] },
);
