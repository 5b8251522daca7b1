import type { DataGap } from '@talentmap/core';
import type { DatasetRepository } from '@talentmap/db';

const GAP_EFFECT: Record<DataGap, string> = {
  'reference data': 'no reference data (regions, occupations, skills)',
  dataset: 'no dataset loaded',
  'shortage rollups': 'no shortage rollups (catalogue, heatmap and time series answer "no shortage data is loaded")',
  'vector indexes': 'vector indexes are being rebuilt after a large import (candidate search is exact and slower until they are)',
};

/** Which dataset is loaded: every answer built from records says whether they are synthetic. */
export class DatasetService {
  constructor(private readonly repo: DatasetRepository) {}

  kind() {
    return this.repo.kind();
  }

  /** Whether every part of the data the API serves from is loaded, and if not what is missing. */
  async completeness(): Promise<{ missing: DataGap[]; reason?: string }> {
    const missing = await this.repo.gaps();
    if (missing.length === 0) return { missing };
    return {
      missing,
      reason: `incomplete data: ${missing.map((g) => GAP_EFFECT[g]).join('; ')}. ${missing.every((g) => g === 'vector indexes') ? 'They are rebuilt by this process, or by the next start if it stops.' : 'Reload it (pnpm seed --reset) or let the next start load it.'}`,
    };
  }

  async isSynthetic(): Promise<boolean> {
    return (await this.repo.kind()) === 'synthetic-demo';
  }
}
