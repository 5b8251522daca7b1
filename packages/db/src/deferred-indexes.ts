import { sql } from 'drizzle-orm';
import { setIndexBuildMemory } from './bulk.js';
import type { DbClient, TxClient } from './client.js';

/**
 * Vector (HNSW) indexes a large write drops and rebuilds afterwards. Inserting into an HNSW graph
 * costs ~645 µs a row at 200k talents here, building it ~146 µs a row of the whole table (2 cores,
 * pgvector 0.8): past about a fifth of the table, one build is cheaper than the inserts. The drop
 * is part of the writer's transaction and its definition is recorded there too (dataset_meta
 * 'deferred_indexes'), so a process killed before the rebuild leaves a record the next start acts on.
 */
const KEY = 'deferred_indexes';
/** Below this many new rows the graph takes them one by one. */
const MIN_ROWS = 10_000;
/** New rows at least this share of the table after the write: rebuild instead. */
const MIN_SHARE = 0.2;

interface Deferred {
  name: string;
  def: string;
}

const recorded = async (client: Pick<DbClient, 'rows'>): Promise<Deferred[]> => {
  const [row] = await client.rows<{ value: { indexes?: Deferred[] } }>(sql`select value from dataset_meta where key = ${KEY}`);
  return row?.value.indexes ?? [];
};

const record = (client: Pick<DbClient, 'rows'>, indexes: Deferred[]) =>
  client.rows(sql`
    insert into dataset_meta (key, value) values (${KEY}, ${JSON.stringify({ indexes })}::jsonb)
    on conflict (key) do update set value = excluded.value`);

/** Whether one build over the table after the write costs less than inserting `newRows` into its graph. */
export const rebuildIsCheaper = (newRows: number, existingRows: number) => newRows >= MIN_ROWS && newRows >= MIN_SHARE * (existingRows + newRows);

/** Inside a write's transaction, before `newRows` rows go into `table`: drops its HNSW indexes when rebuilding them will be cheaper. Returns the dropped names. */
export async function deferVectorIndexes(tx: TxClient, table: string, newRows: number): Promise<string[]> {
  if (newRows < MIN_ROWS) return [];
  const [size] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  if (!rebuildIsCheaper(newRows, Number(size?.n ?? 0))) return [];
  const indexes = await tx.rows<Deferred>(sql`
    select indexname as name, indexdef as def from pg_indexes
    where schemaname = current_schema() and tablename = ${table} and indexdef ilike '% using hnsw %'`);
  if (indexes.length === 0) return [];
  await record(tx, [...(await recorded(tx)), ...indexes]);
  for (const i of indexes) await tx.rows(sql`drop index ${sql.identifier(i.name)}`);
  return indexes.map((i) => i.name);
}

/** Names of vector indexes dropped by a write and not yet rebuilt. */
export const deferredIndexNames = async (client: Pick<DbClient, 'rows'>): Promise<string[]> => (await recorded(client)).map((i) => i.name);

/**
 * Rebuilds every deferred index, one transaction each (the index and the end of its record land
 * together). The build takes a SHARE lock: reads go on (scanning exactly, without the index), writes
 * to that table wait until it is done.
 */
export async function rebuildDeferredIndexes(client: DbClient, onIndex: (name: string) => void = () => {}): Promise<number> {
  const pending = await recorded(client);
  for (const index of pending) {
    onIndex(index.name);
    await client.transaction(async (tx) => {
      await setIndexBuildMemory(tx, client.driver);
      // Made again since (by hand, or a migration): built afresh from the recorded definition.
      await tx.rows(sql`drop index if exists ${sql.identifier(index.name)}`);
      await tx.rows(sql.raw(index.def));
      await record(
        tx,
        (await recorded(tx)).filter((i) => i.name !== index.name),
      );
    });
  }
  return pending.length;
}
