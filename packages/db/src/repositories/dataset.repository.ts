import { eq } from 'drizzle-orm';
import type { DatasetKind } from '@talentmap/core';
import type { DbClient } from '../client.js';
import { datasetMeta } from '../schema.js';

export class DatasetRepository {
  constructor(private readonly client: DbClient) {}

  /** The kind of dataset loaded ('empty' before any load). */
  async kind(): Promise<DatasetKind> {
    const [row] = await this.client.db.select().from(datasetMeta).where(eq(datasetMeta.key, 'dataset'));
    const kind = (row?.value as { kind?: DatasetKind } | undefined)?.kind;
    return kind ?? 'empty';
  }
}
