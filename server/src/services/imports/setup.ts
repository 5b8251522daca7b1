import { ReferenceRepository, type DbClient } from '@talentmap/db';
import type { PiiKeys } from '@talentmap/core/pii';
import { refreshShortageRollups } from '@talentmap/seed';
import { ImportService, type ImportServiceOptions } from '../import.service.js';
import type { MatchService } from '../match.service.js';
import { importResolvers } from './resolvers.js';

/** The import service as the server and the CLI both build it: resolvers from the reference data, the rollups refreshed after a commit. */
export function createImportService(
  deps: { client: DbClient; match: MatchService; piiKeys: PiiKeys; afterRefresh?: () => Promise<void> } & Pick<
    ImportServiceOptions,
    'uploadDir' | 'staleSeconds' | 'maxBytes' | 'log'
  >,
): ImportService {
  const reference = new ReferenceRepository(deps.client);
  return new ImportService({
    ...deps,
    resolvers: async () => {
      const [cities, districts, chains, grades] = await Promise.all([
        reference.regions('city'),
        reference.regions('district'),
        reference.chains({}),
        reference.grades(),
      ]);
      return importResolvers(deps.match, { regions: [...cities, ...districts], chains, grades });
    },
    refresh: async () => {
      await refreshShortageRollups(deps.client);
      await deps.afterRefresh?.();
    },
  });
}
