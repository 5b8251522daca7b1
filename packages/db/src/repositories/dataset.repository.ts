import { eq } from 'drizzle-orm';
import type { DatasetKind } from '@talentmap/core';
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
}
