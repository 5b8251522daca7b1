/**
 * `pnpm bench:shortage` — p50/p95/p99 of GET /api/shortage/heatmap and /api/shortage/catalog
 * over HTTP (autocannon, varied queries), against the naive GROUP BY over the raw vacancies
 * and registrations answering the same questions in the same run, plus the time of a full
 * rollup refresh.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/talentmap_bench_shortage pnpm bench:shortage
 * after `pnpm seed --talents 1000000 --reset` into that database; unset: a PGlite at demo scale.
 * BENCH_SECONDS (default 10) per endpoint; BENCH_REFRESH=0 skips the refresh timing.
 * Also reports the forecast back-test (rolling origin, horizon 4) for the province total and
 * pooled over every occupation's provincial series, against seasonal naive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql, type SQL } from 'drizzle-orm';
import { PROVINCE_CODE, Rng } from '@talentmap/core';
import { backtestDemand, quarterRange, type Quarter } from '@talentmap/analytics';
import { createClient, ShortageRepository, type DbClient } from '@talentmap/db';
import { DEFAULT_TALENTS, ensureSeeded, refreshShortageRollups, scaleFor } from '@talentmap/seed';
import { buildApp } from '@talentmap/server';
import { percentiles } from './stats.js';
import { TEST_PII_KEYS } from '../support/database.js';

const databaseUrl = process.env.DATABASE_URL || undefined;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 4;
const dataDir = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'talentmap-bench-'));
const client = await createClient(databaseUrl ? { databaseUrl, maxConnections: 8 } : { dataDir: dataDir as string });

const QUARTERS = ['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3'];
const YEARS = ['2024', '2025', '2026'];
const quarterStart = (q: string) => `${q.slice(0, 4)}-${String((Number(q[5]) - 1) * 3 + 1).padStart(2, '0')}-01`;

/** GETs cycling through `paths`, every response time measured (autocannon's summary has no p95). */
async function loadPaths(base: string, paths: string[]) {
  const latencies: number[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections, duration: seconds, requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] as string }) }] },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_c, _s, _b, ms) => latencies.push(ms));
  });
  return {
    latencyMs: percentiles(latencies),
    requestsPerSecond: Math.round(result.requests.average),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The same questions as plain SQL over the raw tables, `connections` at a time, for a while. */
async function loadQueries(db: DbClient, queries: SQL[], budgetSeconds: number) {
  const latencies: number[] = [];
  const until = Date.now() + budgetSeconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until || latencies.length < connections * 3) {
        const started = performance.now();
        await db.rows(queries[next++ % queries.length] as SQL);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { latencyMs: percentiles(latencies) };
}

/** Back-test of the demand forecast on the province total and on each occupation's provincial series. */
async function forecastBacktest(db: DbClient) {
  const repo = new ShortageRepository(db);
  const { quarters } = await repo.periods();
  const window = quarterRange(quarters[0] as Quarter, quarters[quarters.length - 1] as Quarter);
  const series = async (occupation?: string) => {
    const rows = new Map((await repo.series(PROVINCE_CODE, occupation)).map((r) => [r.period, r.vacancies]));
    return window.map((quarter) => ({ quarter, value: rows.get(quarter) ?? 0 }));
  };
  const total = backtestDemand(await series(), 4);
  const codes = (await db.rows<{ code: string }>(sql`select code from occupations order by code`)).map((r) => r.code);
  const perOccupation = await Promise.all(codes.map(async (code) => backtestDemand(await series(code), 4)));
  const mean = (xs: (number | null)[]) => {
    const ok = xs.filter((x): x is number => x !== null);
    return ok.length ? Math.round((ok.reduce((a, b) => a + b, 0) / ok.length) * 1000) / 1000 : null;
  };
  const summarise = (runs: ReturnType<typeof backtestDemand>[]) => ({
    series: runs.length,
    forecasts: runs.reduce((a, r) => a + r.forecasts, 0),
    model: { mape: mean(runs.map((r) => r.model.mape)), mase: mean(runs.map((r) => r.model.mase)) },
    seasonalNaive: { mape: mean(runs.map((r) => r.baseline.mape)), mase: mean(runs.map((r) => r.baseline.mase)) },
    coverage80: mean(runs.map((r) => r.coverage80)),
  });
  return { heldOutQuarters: total.heldOutQuarters, provinceTotal: summarise([total]), occupations: summarise(perOccupation.filter((r) => r.forecasts > 0)) };
}

try {
  await client.migrate();
  await ensureSeeded(client, { scale: scaleFor(DEFAULT_TALENTS), piiKeys: TEST_PII_KEYS });
  const [counts] = await client.rows<{ talents: number; vacancies: number; seekers: number }>(sql`select
    (select count(*)::int from talents) as talents, (select count(*)::int from vacancies) as vacancies,
    (select count(*)::int from job_seekers) as seekers`);
  let refresh = null;
  if (process.env.BENCH_REFRESH !== '0') {
    process.stderr.write('refreshing the shortage rollups…\n');
    refresh = await refreshShortageRollups(client);
  }

  const rng = new Rng(11);
  const occupations = (await client.rows<{ code: string }>(sql`select distinct occupation_code as code from vacancies order by 1`)).map((r) => r.code);
  const chains = await client.rows<{ code: string; cluster: string }>(sql`select code, cluster_code as cluster from chains order by code`);
  const regions = await client.rows<{ code: string; level: string }>(sql`select code, level from regions where level <> 'province' order by code`);

  // 240 heatmap questions: city or district, any quarter, no filter / occupation / grade /
  // occupation and grade / chain / cluster.
  type HeatmapQuestion = { level: 'city' | 'district'; quarter: string; occupation?: string; grade?: number; chain?: string; cluster?: string };
  const heatmaps: HeatmapQuestion[] = Array.from({ length: 240 }, (_, i) => {
    const base = { level: rng.chance(0.5) ? ('city' as const) : ('district' as const), quarter: rng.pick(QUARTERS) };
    const kind = i % 6;
    if (kind === 1) return { ...base, occupation: rng.pick(occupations) };
    if (kind === 2) return { ...base, grade: rng.int(1, 8) };
    if (kind === 3) return { ...base, occupation: rng.pick(occupations), grade: rng.int(3, 6) };
    if (kind === 4) return { ...base, chain: rng.pick(chains).code };
    if (kind === 5) return { ...base, cluster: rng.pick(chains).cluster };
    return base;
  });
  const query = (o: Record<string, unknown>) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString();
  const heatmapPaths = heatmaps.map((h) => `/api/shortage/heatmap?${query(h)}`);

  // 120 catalogue questions: province, a city or a district; any year; a third by chain.
  type CatalogQuestion = { region: string; level: string; year: string; chain?: string };
  const catalogs: CatalogQuestion[] = Array.from({ length: 120 }, (_, i) => {
    const place = i % 3 === 0 ? { code: '320000', level: 'province' } : rng.pick(regions);
    return { region: place.code, level: place.level, year: rng.pick(YEARS), ...(i % 3 === 1 ? { chain: rng.pick(chains).code } : {}) };
  });
  const catalogPaths = catalogs.map(
    (c) => `/api/shortage/catalog?${query({ region: c.region, year: c.year, limit: 100, ...(c.chain ? { chain: c.chain } : {}) })}`,
  );

  // The naive answers: vacancies and seekers grouped from the raw rows on every request
  // (and only those two measures: no medians, growth or scores, so the baseline is generous).
  const chainFilter = (h: { chain?: string; cluster?: string }, alias: string) =>
    h.chain || h.cluster
      ? sql`and ${sql.raw(alias)}.occupation_code in (select co.occupation_code from chain_occupations co join chains c on c.code = co.chain_code
              where co.chain_code = ${h.chain ?? h.cluster} or c.cluster_code = ${h.chain ?? h.cluster})`
      : sql``;
  const naiveHeatmaps = heatmaps.map((h) => {
    const start = quarterStart(h.quarter);
    const region = h.level === 'city' ? sql`r.parent_code` : sql`r.code`;
    const filters = (alias: string) =>
      sql`${h.occupation ? sql`and ${sql.raw(alias)}.occupation_code = ${h.occupation}` : sql``} ${h.grade ? sql`and ${sql.raw(alias)}.grade = ${h.grade}` : sql``} ${chainFilter(h, alias)}`;
    return sql`
      with v as (select ${region} as region, sum(v.headcount) as vacancies from vacancies v join regions r on r.code = v.region_code
                 where v.posted_on >= ${start}::date and v.posted_on < ${start}::date + interval '3 months' ${filters('v')} group by 1),
           s as (select ${region} as region, count(*) as seekers from job_seekers s join regions r on r.code = s.region_code
                 where s.registered_on >= ${start}::date and s.registered_on < ${start}::date + interval '3 months' ${filters('s')} group by 1)
      select region, v.vacancies, s.seekers, v.vacancies::float8 / greatest(s.seekers, 1) as ratio from v full join s using (region)`;
  });
  const naiveCatalogs = catalogs.map((c) => {
    const scope = (alias: string) =>
      c.level === 'province'
        ? sql``
        : c.level === 'city'
          ? sql`and ${sql.raw(alias)}.region_code in (select code from regions where parent_code = ${c.region})`
          : sql`and ${sql.raw(alias)}.region_code = ${c.region}`;
    return sql`
      with v as (select occupation_code, grade, sum(headcount) as vacancies from vacancies v
                 where v.posted_on >= ${`${c.year}-01-01`}::date and v.posted_on < ${`${c.year}-01-01`}::date + interval '1 year' ${scope('v')} ${chainFilter(c, 'v')} group by 1, 2),
           s as (select occupation_code, grade, count(*) as seekers from job_seekers s
                 where s.registered_on >= ${`${c.year}-01-01`}::date and s.registered_on < ${`${c.year}-01-01`}::date + interval '1 year' ${scope('s')} ${chainFilter(c, 's')} group by 1, 2)
      select occupation_code, grade, v.vacancies, s.seekers, v.vacancies::float8 / greatest(s.seekers, 1) as ratio
      from v left join s using (occupation_code, grade) where v.vacancies >= 5 order by ratio desc limit 100`;
  });

  const app = await buildApp({ piiKeys: TEST_PII_KEYS, client, serveWeb: false, config: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: 10_000_000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  for (const path of [...heatmapPaths, ...catalogPaths]) {
    const res = await app.inject({ method: 'GET', url: path });
    if (res.statusCode !== 200) throw new Error(`${path} → ${res.statusCode} ${res.body}`);
  }

  process.stderr.write(`heatmap over HTTP (${counts?.talents} talents, ${counts?.vacancies} vacancies)…\n`);
  const heatmap = await loadPaths(base, heatmapPaths);
  process.stderr.write('catalogue over HTTP…\n');
  const catalog = await loadPaths(base, catalogPaths);
  await app.close();
  process.stderr.write('naive GROUP BY over the raw tables…\n');
  const naiveHeatmap = await loadQueries(client, naiveHeatmaps, seconds);
  const naiveCatalog = await loadQueries(client, naiveCatalogs, seconds);

  const forecast = await forecastBacktest(client);

  const ratio = (naive: { latencyMs: { p50: number; p95: number } }, api: { latencyMs: { p50: number; p95: number } }) => ({
    p50: Math.round((naive.latencyMs.p50 / api.latencyMs.p50) * 10) / 10,
    p95: Math.round((naive.latencyMs.p95 / api.latencyMs.p95) * 10) / 10,
  });
  console.log(
    JSON.stringify(
      {
        database: client.driver,
        ...counts,
        refresh,
        connections,
        secondsPerRun: seconds,
        heatmap: { queries: heatmapPaths.length, ...heatmap, naiveGroupBy: naiveHeatmap, naiveOverApi: ratio(naiveHeatmap, heatmap) },
        catalog: { queries: catalogPaths.length, ...catalog, naiveGroupBy: naiveCatalog, naiveOverApi: ratio(naiveCatalog, catalog) },
        forecast,
      },
      null,
      2,
    ),
  );
} finally {
  await client.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
