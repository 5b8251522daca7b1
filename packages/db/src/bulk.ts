import { sql } from 'drizzle-orm';
import type { DatabaseDriver, DbClient, TxClient } from './client.js';

/**
 * Index builds (HNSW above all) are far faster when the graph fits in memory; for the transaction
 * only. 2GB holds the talents' graph to about 2.5M rows; past that INDEX_BUILD_MEMORY (e.g. 6GB at
 * 5M, where the graph is ~3.5GB) keeps the build from spilling to disk.
 */
export const setIndexBuildMemory = (tx: Pick<TxClient, 'rows'>, driver: DatabaseDriver) =>
  tx.rows(sql`select set_config('maintenance_work_mem', ${driver === 'postgres' ? indexBuildMemory() : '256MB'}, true)`);

function indexBuildMemory(): string {
  const value = process.env.INDEX_BUILD_MEMORY ?? '2GB';
  if (!/^\d+(MB|GB)$/.test(value)) throw new Error(`INDEX_BUILD_MEMORY must look like 2GB or 512MB, not ${value}`);
  return value;
}

/**
 * Runs a bulk load the way PostgreSQL's "Populating a Database" advises: the tables' secondary
 * indexes (HNSW included) and their foreign-key and unique constraints are dropped first and
 * rebuilt afterwards, so each is built or checked once over all rows instead of row by row.
 * Definitions are read back from the catalogue, so the schema ends exactly as migrated, and a
 * constraint the data breaks fails loudly at the rebuild.
 *
 * Drop, load and rebuild are one transaction (a savepoint of the caller's, when `client` is
 * bound to one): DDL is transactional in PostgreSQL, so a failed or killed load leaves the
 * tables, their rows, indexes and constraints exactly as they were. `load` must write through
 * the client it is given. `onRebuild` hears when the rebuild starts and ends (minutes at a
 * million rows).
 */
export async function withBulkLoad<T>(
  client: DbClient,
  tables: readonly string[],
  load: (tx: DbClient) => Promise<T>,
  onRebuild: (phase: 'start' | 'done') => void = () => {},
): Promise<T> {
  return client.transaction(async (tx) => {
    const constraints = await tx.rows<{ table: string; name: string; def: string }>(sql`
      select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
      from pg_constraint
      where contype in ('f', 'u') and connamespace = current_schema()::regnamespace and conrelid::regclass::text in ${tables}
      order by contype desc, conname`);
    const indexes = await tx.rows<{ name: string; def: string }>(sql`
      select indexname as name, indexdef as def from pg_indexes
      where schemaname = current_schema() and tablename in ${tables}
        and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))
      order by indexname`);
    for (const c of constraints) await tx.rows(sql.raw(`alter table "${c.table}" drop constraint "${c.name}"`));
    for (const i of indexes) await tx.rows(sql.raw(`drop index "${i.name}"`));
    const result = await load(tx);
    onRebuild('start');
    await setIndexBuildMemory(tx, client.driver);
    for (const i of indexes) await tx.rows(sql.raw(i.def));
    // Unique constraints first ('u' sorts after 'f' descending), then foreign keys.
    for (const c of constraints) await tx.rows(sql.raw(`alter table "${c.table}" add constraint "${c.name}" ${c.def}`));
    onRebuild('done');
    return result;
  });
}
