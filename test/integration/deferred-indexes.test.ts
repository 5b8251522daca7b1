import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DatasetRepository, deferredIndexNames, deferVectorIndexes, rebuildDeferredIndexes } from '@talentmap/db';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * A large import drops the table's HNSW index in its own transaction and records it; the refresh
 * after the commit (or the next start) rebuilds it. A rolled-back write leaves the index in place.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.dispose());

const vectorIndexes = async () =>
  (
    await database.client.rows<{ name: string }>(sql`select indexname as name from pg_indexes where tablename = 'talents' and indexdef ilike '% using hnsw %'`)
  ).map((r) => r.name);

describe('vector indexes deferred by a large write', () => {
  it('stay when the write is small', async () => {
    await database.client.transaction(async (tx) => expect(await deferVectorIndexes(tx, 'talents', 9_999)).toEqual([]));
    expect(await vectorIndexes()).toEqual(['talents_embedding_hnsw']);
  });

  it('come back as they were when the writing transaction fails', async () => {
    await expect(
      database.client.transaction(async (tx) => {
        expect(await deferVectorIndexes(tx, 'talents', 10_000)).toEqual(['talents_embedding_hnsw']);
        throw new Error('the import failed');
      }),
    ).rejects.toThrow('the import failed');
    expect(await vectorIndexes()).toEqual(['talents_embedding_hnsw']);
    expect(await deferredIndexNames(database.client)).toEqual([]);
  });

  it('are recorded with the commit, reported by health as a gap, and rebuilt once', async () => {
    await database.client.transaction((tx) => deferVectorIndexes(tx, 'talents', 10_000));
    expect(await vectorIndexes()).toEqual([]);
    expect(await deferredIndexNames(database.client)).toEqual(['talents_embedding_hnsw']);
    expect(await new DatasetRepository(database.client).gaps()).toContain('vector indexes');

    const rebuilt: string[] = [];
    expect(await rebuildDeferredIndexes(database.client, (name) => rebuilt.push(name))).toBe(1);
    expect(rebuilt).toEqual(['talents_embedding_hnsw']);
    expect(await vectorIndexes()).toEqual(['talents_embedding_hnsw']);
    expect(await deferredIndexNames(database.client)).toEqual([]);
    expect(await new DatasetRepository(database.client).gaps()).not.toContain('vector indexes');
    expect(await rebuildDeferredIndexes(database.client)).toBe(0);
  });
});
