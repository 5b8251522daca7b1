import { rebuildDeferredIndexes, ReferenceRepository, type DbClient } from '@talentmap/db';
import type { PiiKeys } from '@talentmap/core/pii';
import { refreshShortageRollups } from '@talentmap/seed';
import { ImportService, type ImportServiceOptions } from '../import.service.js';
import type { MatchService } from '../match.service.js';
import { importResolvers, type ImportResolvers } from './resolvers.js';

// What the benchmark's plain loader shares with the engine: the same reader of rows.
export { IMPORT_COLUMNS } from './columns.js';
export { parseRow } from './kinds.js';
export { RowReader } from './row-reader.js';
export { mapHeaders } from './runner.js';

/** The resolvers over the reference data as it is now. */
export async function importResolversFor(client: DbClient, match: MatchService): Promise<ImportResolvers> {
  const reference = new ReferenceRepository(client);
  const [cities, districts, chains, grades] = await Promise.all([
    reference.regions('city'),
    reference.regions('district'),
    reference.chains({}),
    reference.grades(),
  ]);
  return importResolvers(match, { regions: [...cities, ...districts], chains, grades });
}

/**
 * The import service as the server and the CLI both build it: resolvers from the reference data;
 * after a commit, the vector indexes a large import dropped rebuilt, then the rollups refreshed.
 */
export function createImportService(
  deps: { client: DbClient; match: MatchService; piiKeys: PiiKeys; afterRefresh?: () => Promise<void> } & Pick<
    ImportServiceOptions,
    'uploadDir' | 'staleSeconds' | 'maxBytes' | 'log'
  >,
): ImportService {
  return new ImportService({
    ...deps,
    resolvers: () => importResolversFor(deps.client, deps.match),
    refresh: async () => {
      await rebuildDeferredIndexes(deps.client, (name) => deps.log.info(`rebuilding ${name} after a large import`));
      await refreshShortageRollups(deps.client);
      await deps.afterRefresh?.();
    },
  });
}
