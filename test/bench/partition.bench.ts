/**
 * `pnpm bench:partition` — what partitioning the talents by city would buy the vector retrieval,
 * measured on a seeded PostgreSQL before the product's schema takes it on (it does not yet).
 * In a scratch schema `bench_partition`: the talents' (id, region_code, grade, open_to_offers,
 * embedding) in a table partitioned by LIST (the city: the district code's first four digits),
 * with one HNSW index per city (the product's operator class and parameters). Then varied queries
 * (an occupation's vector; a city, a district or the whole province; a minimum grade half the
 * time; available only a third of the time; limit 20 × over-fetch 10, as the default path asks):
 *   unpartitioned — public.talents as MatchRepository.candidates reads it (iterative scan, the
 *                   same ef_search and scan budget; the exact order when the budget runs out);
 *   partitioned   — the same query and rule on the copy, which the city condition prunes to one
 *                   partition's graph (the province: every partition's graph, merged);
 *   exact         — the exact distance order of the same filter (the yardstick for recall).
 * One warm-up pass, then one timed pass; p50/p95 per kind of region, recall@limit against exact.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/talentmap_5m pnpm bench:partition
 * The copy is built once and kept for re-runs (BENCH_REBUILD=1 builds it again, BENCH_DROP=1
 * drops it at the end); BENCH_QUERIES (default 60).
 */
import { sql, type SQL } from 'drizzle-orm';
import { Rng } from '@talentmap/core';
import { createClient, HNSW_EF_SEARCH, HNSW_MAX_SCAN, type DbClient } from '@talentmap/db';
import { percentiles } from './stats.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('bench:partition needs DATABASE_URL: a PostgreSQL seeded with `pnpm seed --talents N --reset`');
const queryCount = Number(process.env.BENCH_QUERIES ?? 60);
const LIMIT = 200;

type Scope = 'city' | 'district' | 'province';
interface Query {
  scope: Scope;
  vector: string;
  city: string | null;
  districts: string[] | null;
  minGrade: number | null;
  availableOnly: boolean;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The partitioned copy with its per-city HNSW indexes; the build times and sizes. */
async function buildCopy(client: DbClient) {
  const cities = await client.rows<{ code: string }>(sql`select code from regions where level = 'city' order by code`);
  await client.rows(sql`drop schema if exists bench_partition cascade`);
  await client.rows(sql`create schema bench_partition`);
  await client.rows(sql`create table bench_partition.talents (id bigint not null, region_code text not null, grade smallint not null,
    open_to_offers boolean not null, embedding vector(128)) partition by list (left(region_code, 4))`);
  for (const { code } of cities)
    await client.rows(sql.raw(`create table bench_partition.talents_${code} partition of bench_partition.talents for values in ('${code.slice(0, 4)}')`));
  let started = Date.now();
  await client.rows(sql`insert into bench_partition.talents select id, region_code, grade, open_to_offers, embedding from public.talents`);
  const copySeconds = seconds(Date.now() - started);
  started = Date.now();
  await client.rows(sql`create index talents_embedding_hnsw on bench_partition.talents using hnsw (embedding vector_cosine_ops)`);
  const indexSeconds = seconds(Date.now() - started);
  // The exact fallback reads a district through its btree, as on public.talents.
  await client.rows(sql`create index talents_region_idx on bench_partition.talents (region_code)`);
  await client.rows(sql`analyze bench_partition.talents`);
  return { partitions: cities.length, copySeconds, indexSeconds };
}

async function sizes(client: DbClient) {
  const [row] = await client.rows<{ whole: string; partitioned: string; largest: string }>(sql`
    select pg_size_pretty(pg_relation_size('public.talents_embedding_hnsw')) as whole,
           pg_size_pretty(sum(pg_relation_size(i.indexrelid))) as partitioned,
           pg_size_pretty(max(pg_relation_size(i.indexrelid))) as largest
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_am am on am.oid = (select relam from pg_class where oid = i.indexrelid)
    where n.nspname = 'bench_partition' and am.amname = 'hnsw'`);
  return row;
}

async function makeQueries(client: DbClient): Promise<Query[]> {
  const vectors = await client.rows<{ v: string }>(sql`select embedding::text as v from occupations where embedding is not null order by code`);
  const districts = await client.rows<{ code: string; city: string }>(
    sql`select code, parent_code as city from regions where level = 'district' order by code`,
  );
  const cities = [...new Set(districts.map((d) => d.city))];
  const rng = new Rng(20261205);
  return Array.from({ length: queryCount }, (_, i) => {
    const scope: Scope = (['city', 'district', 'province'] as const)[i % 3] as Scope;
    const district = rng.pick(districts);
    const city = scope === 'city' ? rng.pick(cities) : scope === 'district' ? district.city : null;
    return {
      scope,
      vector: rng.pick(vectors).v,
      city,
      districts: scope === 'city' ? districts.filter((d) => d.city === city).map((d) => d.code) : scope === 'district' ? [district.code] : null,
      minGrade: rng.next() < 0.5 ? 3 + Math.floor(rng.next() * 3) : null,
      availableOnly: rng.next() < 1 / 3,
    };
  });
}

/**
 * The filter as MatchRepository writes it — on the index path with region and grade hidden from
 * their btrees, on the exact path not — plus the partition key on the copy.
 */
function where(q: Query, partitioned: boolean, btree: boolean): SQL {
  const parts: SQL[] = [sql`embedding is not null`];
  if (q.minGrade !== null) parts.push(btree ? sql`grade >= ${q.minGrade}` : sql`(grade + 0) >= ${q.minGrade}`);
  if (q.districts) parts.push(sql`${btree ? sql`region_code` : sql`(region_code || '')`} = any(${`{${q.districts.join(',')}}`}::text[])`);
  if (partitioned && q.city) parts.push(sql`left(region_code, 4) = ${q.city.slice(0, 4)}`);
  if (q.availableOnly) parts.push(sql`open_to_offers`);
  return sql.join(parts, sql` and `);
}

/** Ids of the nearest LIMIT: by the index (falling back to the exact order when the scan budget runs out, as the product does) or exactly. */
async function nearest(client: DbClient, table: 'public.talents' | 'bench_partition.talents', q: Query, exact: boolean) {
  const from = sql.raw(table);
  const order = exact ? sql`(embedding <=> ${q.vector}::vector) + 0` : sql`embedding <=> ${q.vector}::vector`;
  const run = (useIndex: boolean) =>
    client.transaction(async (tx) => {
      await tx.rows(
        useIndex
          ? sql`select set_config('jit', 'off', true), set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
                       set_config('hnsw.ef_search', ${String(HNSW_EF_SEARCH)}, true), set_config('hnsw.iterative_scan', 'relaxed_order', true),
                       set_config('hnsw.max_scan_tuples', ${String(HNSW_MAX_SCAN)}, true)`
          : sql`select set_config('jit', 'off', true)`,
      );
      return tx.rows<{ id: number }>(
        sql`select id::int as id from ${from} where ${where(q, table !== 'public.talents', !useIndex)} order by ${order} limit ${LIMIT}`,
      );
    });
  if (exact) return { ids: (await run(false)).map((r) => r.id), fellBack: false };
  const rows = await run(true);
  if (rows.length >= LIMIT) return { ids: rows.map((r) => r.id), fellBack: false };
  return { ids: (await run(false)).map((r) => r.id), fellBack: true };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const client = await createClient({ databaseUrl, maxConnections: 2 });
try {
  const [{ talents } = { talents: 0 }] = await client.rows<{ talents: number }>(sql`select count(*)::int as talents from talents`);
  const [{ present } = { present: false }] = await client.rows<{ present: boolean }>(sql`select to_regclass('bench_partition.talents') is not null as present`);
  const build = present && process.env.BENCH_REBUILD !== '1' ? null : await buildCopy(client);
  const queries = await makeQueries(client);
  const exact = new Map<Query, Set<number>>();
  for (const q of queries) exact.set(q, new Set((await nearest(client, 'public.talents', q, true)).ids));

  const tables = { unpartitioned: 'public.talents', partitioned: 'bench_partition.talents' } as const;
  const report: Record<string, Record<Scope, unknown>> = {};
  for (const q of queries) for (const table of Object.values(tables)) await nearest(client, table, q, false); // warm-up
  for (const [name, table] of Object.entries(tables)) {
    const byScope = new Map<Scope, { ms: number[]; recall: number[]; fellBack: number }>();
    for (const q of queries) {
      const { ms, value } = await timed(() => nearest(client, table, q, false));
      const truth = exact.get(q) as Set<number>;
      const stats = byScope.get(q.scope) ?? byScope.set(q.scope, { ms: [], recall: [], fellBack: 0 }).get(q.scope)!;
      stats.ms.push(ms);
      stats.recall.push(truth.size === 0 ? 1 : value.ids.filter((id) => truth.has(id)).length / truth.size);
      if (value.fellBack) stats.fellBack++;
    }
    report[name] = Object.fromEntries(
      [...byScope].map(([scope, s]) => [
        scope,
        {
          latencyMs: percentiles(s.ms),
          recall: Math.round((s.recall.reduce((a, b) => a + b, 0) / s.recall.length) * 1000) / 1000,
          fellBackToExact: s.fellBack,
        },
      ]),
    ) as Record<Scope, unknown>;
  }
  console.log(JSON.stringify({ talents, queries: queries.length, limit: LIMIT, build, indexSizes: await sizes(client), ...report }, null, 2));
  if (process.env.BENCH_DROP === '1') await client.rows(sql`drop schema bench_partition cascade`);
} finally {
  await client.close();
}
