import { sql } from 'drizzle-orm';
import { datasetMeta, type DbClient } from '@talentmap/db';
import { loadReference as readReference, type ReferenceData } from './reference.js';
import { loadReference } from './load-reference.js';
import { afterLoad } from './after-load.js';
import { loadDemo, markDemoDataset, scaleFor, DEFAULT_SEED, DEFAULT_TALENTS, type DemoOptions, type DemoScale, type Progress } from './demo/load-demo.js';
import type { PiiKeys } from '@talentmap/core/pii';
import { ensureDemoAccounts, type DemoAccountsResult } from './demo-accounts.js';

export { readReference, loadReference, loadDemo, afterLoad, scaleFor, DEFAULT_SEED, DEFAULT_TALENTS };
export type { ReferenceData, DemoOptions, DemoScale, Progress };
export { DEMO_PERIOD } from './demo/calendar.js';
export { refreshShortageRollups, type RefreshSummary } from './shortage-rollups.js';
export { ensureDemoAccounts, type DemoAccountsResult };

/** What the database holds: nothing, reference only, or a dataset (kind from dataset_meta). */
export async function datasetState(client: DbClient): Promise<{ hasReference: boolean; dataset: string | null }> {
  const [row] = await client.rows<{ regions: number }>(sql`select count(*)::int as regions from regions`);
  const meta = await client.db
    .select()
    .from(datasetMeta)
    .where(sql`${datasetMeta.key} = 'dataset'`);
  const value = meta[0]?.value as { kind?: string } | undefined;
  return { hasReference: (row?.regions ?? 0) > 0, dataset: value?.kind ?? null };
}

/**
 * Loads the demo dataset as one transaction: its rows with the rebuild of their indexes and
 * constraints, the derived data (vectors, shortage rollups), and last the dataset marker. A
 * failure or a kill at any point leaves the database as it was, without a dataset, so the
 * next start simply loads again.
 */
export async function loadDemoDataset(client: DbClient, ref: ReferenceData, options: DemoOptions & { piiKeys: PiiKeys }): Promise<DemoScale> {
  return client.transaction(async (tx) => {
    const scale = await loadDemo(tx, ref, options);
    await afterLoad(tx, options.onProgress);
    await markDemoDataset(tx, options.seed ?? DEFAULT_SEED, scale);
    return scale;
  });
}

/**
 * Brings a migrated database to a usable state: reference data, then the demo dataset
 * when no dataset is loaded yet, then (on the synthetic dataset) the demo accounts, with
 * `demoPassword` or a generated password it returns. Idempotent, so every start can call it.
 */
export async function ensureSeeded(
  client: DbClient,
  options: DemoOptions & { demo?: boolean; demoPassword?: string | undefined } = {},
): Promise<{ demoAccounts: DemoAccountsResult | null }> {
  const state = await datasetState(client);
  const ref = readReference();
  if (!state.hasReference) {
    options.onProgress?.({ stage: 'reference data', done: 0, total: 1 });
    await loadReference(client, ref);
    options.onProgress?.({ stage: 'reference data', done: 1, total: 1 });
  }
  if (state.dataset === null && options.demo !== false) {
    const { piiKeys } = options;
    if (!piiKeys) throw new Error('ensureSeeded: loading the demo needs piiKeys to seal its identities');
    await loadDemoDataset(client, ref, { ...options, piiKeys });
  }
  const synthetic = (await datasetState(client)).dataset === 'synthetic-demo';
  return { demoAccounts: synthetic ? await ensureDemoAccounts(client, options.demoPassword) : null };
}
