import { sql } from 'drizzle-orm';
import type { DbClient } from './client.js';

/**
 * Runs a bulk load with the named indexes dropped and rebuilds them afterwards: building an
 * HNSW index once over a million vectors is far faster than inserting into it row by row.
 * The definitions are read back from the catalogue, so the schema ends exactly as migrated.
 * `onRebuild` hears when the rebuild starts and ends (it can take minutes at scale).
 */
export async function withIndexesDeferred(
  client: DbClient,
  names: readonly string[],
  load: () => Promise<void>,
  onRebuild: (phase: 'start' | 'done') => void = () => {},
): Promise<void> {
  const defs = await client.rows<{ indexname: string; indexdef: string }>(
    sql`select indexname, indexdef from pg_indexes where schemaname = current_schema() and indexname in ${names}`,
  );
  for (const d of defs) await client.rows(sql.raw(`drop index if exists "${d.indexname}"`));
  try {
    await load();
  } finally {
    onRebuild('start');
    await client.db.transaction(async (tx) => {
      // HNSW builds are far faster when the graph fits in memory.
      await tx.execute(sql.raw(`set local maintenance_work_mem = '${client.driver === 'postgres' ? '2GB' : '256MB'}'`));
      for (const d of defs) await tx.execute(sql.raw(d.indexdef));
    });
    onRebuild('done');
  }
}
