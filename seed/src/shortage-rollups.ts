import { PROVINCE_CODE } from '@talentmap/core';
import { buildShortageSlices, slicePeriods, workforceCounts } from '@talentmap/analytics';
import { ShortageRepository, type DbClient } from '@talentmap/db';

export interface RefreshSummary {
  slices: number;
  groupRows: number;
  seconds: number;
}

/**
 * Rebuilds the shortage rollups after a load: the repository sums the raw tables into facts,
 * analytics measures and scores every slice (one implementation of the rule), and the
 * repository replaces the rollups in one transaction.
 */
export async function refreshShortageRollups(client: DbClient): Promise<RefreshSummary> {
  const started = performance.now();
  const repo = new ShortageRepository(client);
  const [cells, durations, supply, training] = await Promise.all([repo.cellFacts(), repo.durationFacts(), repo.supplyFacts(), repo.trainingFacts()]);
  const slices = buildShortageSlices({ provinceCode: PROVINCE_CODE, cells, durations, supply, training });
  const { groupRows } = await repo.replaceRollups(slices, { ...slicePeriods(slices), workforce: workforceCounts(supply) });
  return { slices: slices.length, groupRows, seconds: (performance.now() - started) / 1000 };
}
