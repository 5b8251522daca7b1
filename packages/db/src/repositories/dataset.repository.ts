import { eq, sql } from 'drizzle-orm';
import type { DataGap, DatasetKind } from '@talentmap/core';
import type { DbClient } from '../client.js';
import { datasetMeta } from '../schema.js';

/** How long the dataset kind is reused: it changes only when a dataset is (re)loaded. */
const KIND_TTL_MS = 10_000;

export class DatasetRepository {
  private cached: { kind: DatasetKind; at: number } | null = null;

  constructor(private readonly client: DbClient) {}

  /** The kind of dataset loaded ('empty' before any load); every response labels synthetic data with it. */
  async kind(): Promise<DatasetKind> {
    if (this.cached && Date.now() - this.cached.at < KIND_TTL_MS) return this.cached.kind;
    const [row] = await this.client.db.select().from(datasetMeta).where(eq(datasetMeta.key, 'dataset'));
    const kind = (row?.value as { kind?: DatasetKind } | undefined)?.kind ?? 'empty';
    this.cached = { kind, at: Date.now() };
    return kind;
  }

  /**
   * What the API serves from that is not loaded: the reference data (regions), the dataset
   * marker, the shortage rollups and their meta. Read afresh each time (three index probes).
   */
  async gaps(): Promise<DataGap[]> {
    const [row] = await this.client.rows<{ reference: boolean; dataset: boolean; rollups: boolean; indexes: boolean }>(sql`select
      exists (select 1 from regions) as reference,
      exists (select 1 from dataset_meta where key = 'deferred_indexes' and jsonb_array_length(value->'indexes') > 0) as indexes,
      exists (select 1 from dataset_meta where key = 'dataset') as dataset,
      exists (select 1 from shortage_slices) and exists (select 1 from dataset_meta where key = 'shortage') as rollups`);
    const gaps: DataGap[] = [];
    if (!row?.reference) gaps.push('reference data');
    if (!row?.dataset) gaps.push('dataset');
    if (!row?.rollups) gaps.push('shortage rollups');
    if (row?.indexes) gaps.push('vector indexes');
    return gaps;
  }
}
