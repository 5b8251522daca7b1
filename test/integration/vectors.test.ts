import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { EMBEDDING_DIM } from '@talentmap/core';
import { createTestDatabase, testDriver, type TestDatabase } from '../support/database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => database?.dispose());

/** A unit vector pointing mostly along axis `i`. */
const axis = (i: number, tilt = 0) => {
  const v = new Array<number>(EMBEDDING_DIM).fill(0);
  v[i] = 1;
  v[(i + 1) % EMBEDDING_DIM] = tilt;
  return `[${v.join(',')}]`;
};

describe(`pgvector on ${testDriver}`, () => {
  it('has pgvector ≥ 0.8 (iterative index scans)', async () => {
    const [row] = await database.client.rows<{ v: string }>(sql`select extversion as v from pg_extension where extname = 'vector'`);
    const [major, minor] = (row?.v ?? '0.0').split('.').map(Number);
    expect((major ?? 0) * 100 + (minor ?? 0)).toBeGreaterThanOrEqual(8);
  });

  it('indexes embeddings with HNSW cosine and returns nearest rows in order', async () => {
    const indexes = await database.client.rows<{ indexdef: string }>(sql`select indexdef from pg_indexes where indexname = 'talents_embedding_hnsw'`);
    expect(indexes[0]?.indexdef).toContain('hnsw');
    expect(indexes[0]?.indexdef).toContain('vector_cosine_ops');

    await database.client.rows(sql`insert into regions (code, name, level, parent_code, boundary, centroid_lng, centroid_lat)
      values ('320000', '江苏省', 'province', null, '{}'::jsonb, 119.5, 33)`);
    await database.client.rows(sql`insert into grades (level, name, high_skill) values (3, '中级工', false)`);
    const values = [axis(0), axis(0, 0.5), axis(0, 2), axis(5)];
    for (const [i, v] of values.entries())
      await database.client
        .rows(sql`insert into talents (id, region_code, lng, lat, grade, skills, years_experience, employment_status, open_to_offers, willing_radius_km, embedding)
        values (${i + 1}, '320000', 119.5, 33, 3, '[]'::jsonb, 1, 'employed', true, 10, ${v}::vector)`);
    const rows = await database.client.rows<{ id: number; distance: number }>(sql`
      select id::int as id, embedding <=> ${axis(0)}::vector as distance from talents order by embedding <=> ${axis(0)}::vector limit 3`);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(rows[0]?.distance).toBeCloseTo(0, 5);
  });
});
