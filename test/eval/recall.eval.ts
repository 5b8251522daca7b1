/**
 * `pnpm eval:recall` — how often the default candidate path returns the exact top k, i.e. the
 * top k of `strategy: "exact"` (every talent that passes the filters, scored), for varied
 * queries: an occupation or an advert's text; a city, a district or a radius of 10–50 km; a
 * minimum grade half the time; available only a third of the time; limit 10–50. Each retrieval
 * setting is run on the same queries, with its in-process latency: the default ('auto') and the
 * index with a coverage pass ('coverage') per over-fetch factor, the HNSW index alone, and the score
 * computed in SQL for every filtered talent.
 * Recall is given twice: by id, and with ties equal (a row scoring at least the exact top's last
 * score counts: exact breaks ties by id, which no other order has to follow); exactTopShare is the
 * share of queries whose whole top is right in the second sense.
 * DATABASE_URL: a seeded PostgreSQL (e.g. `pnpm seed --talents 1000000 --reset`); unset: a
 * PGlite seeded at the demo scale. EVAL_QUERIES (default 120), EVAL_OVERFETCH (comma-separated
 * factors, default 3,10,30,100).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Rng } from '@talentmap/core';
import { createClient } from '@talentmap/db';
import { ensureSeeded, scaleFor, DEFAULT_TALENTS } from '@talentmap/seed';
import { MatchService, type CandidateQuery } from '@talentmap/server/services/match';
import { loadAdverts } from './classification.js';
import { TEST_PII_KEYS } from '../support/database.js';

const databaseUrl = process.env.DATABASE_URL || undefined;
const queries = Number(process.env.EVAL_QUERIES ?? 120);
const factors = (process.env.EVAL_OVERFETCH ?? '3,10,30,100').split(',').map(Number);
const dataDir = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'talentmap-recall-'));
const client = await createClient(databaseUrl ? { databaseUrl } : { dataDir: dataDir as string });

const round = (x: number) => Math.round(x * 1000) / 1000;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

try {
  await client.migrate();
  await ensureSeeded(client, { scale: scaleFor(DEFAULT_TALENTS), piiKeys: TEST_PII_KEYS });
  const matcher = await MatchService.create(client, TEST_PII_KEYS);
  const [{ talents } = { talents: 0 }] = await client.rows<{ talents: number }>(sql`select count(*)::int as talents from talents`);
  const occupations = await client.rows<{ code: string }>(sql`select distinct occupation_code as code from vacancies order by 1`);
  const places = await client.rows<{ code: string; level: string; parent: string | null; lng: number; lat: number }>(sql`
    select code, level, parent_code as parent, centroid_lng as lng, centroid_lat as lat from regions where level <> 'province' order by code`);
  const districtsOf = (city: string) => places.filter((p) => p.parent === city).map((p) => p.code);
  const adverts = loadAdverts();

  const rng = new Rng(11);
  const cases: Omit<CandidateQuery, 'strategy'>[] = [];
  while (cases.length < queries) {
    const demand = rng.chance(0.5) ? { occupationCode: rng.pick(occupations).code } : { text: rng.pick(adverts).text };
    const skills = matcher.resolveDemand(demand).skills;
    if (skills.length === 0) continue;
    const place = rng.pick(places);
    const shape = cases.length % 3;
    const filter =
      shape === 0
        ? { regionCodes: place.level === 'city' ? districtsOf(place.code) : [place.code] }
        : shape === 1
          ? { near: { lng: place.lng, lat: place.lat, radiusKm: rng.int(10, 50) } }
          : { regionCodes: districtsOf(place.level === 'city' ? place.code : (place.parent as string)) };
    cases.push({
      skills,
      filter: { ...filter, ...(rng.chance(0.5) ? { minGrade: rng.int(2, 5) } : {}), ...(rng.chance(1 / 3) ? { availableOnly: true } : {}) },
      limit: rng.pick([10, 20, 30, 50]),
    });
  }

  process.stderr.write(`${talents} talents, ${cases.length} queries: exact scoring…\n`);
  // Per query: the exact top ids, and the score of its last row (a talent with that score is as right as the one exact kept: the tie is broken by id).
  const truth: { ids: Set<number>; floor: number }[] = [];
  const exactMs: number[] = [];
  for (const c of cases) {
    const started = performance.now();
    const top = await matcher.findCandidates({ ...c, strategy: 'exact' });
    exactMs.push(performance.now() - started);
    truth.push({ ids: new Set(top.map((r) => r.row.id)), floor: top.at(-1)?.scored.score ?? 0 });
  }
  const settings = [];
  // The default ('auto': selective filters scored in SQL, the rest from the index and a coverage pass)
  // and the index with the coverage pass for every query, per over-fetch factor; the index alone at the
  // smallest factor (the path before either), and SQL scoring alone.
  const runs: { retrieval: NonNullable<CandidateQuery['retrieval']>; factor: number }[] = [
    ...factors.map((factor) => ({ retrieval: 'auto' as const, factor })),
    ...factors.map((factor) => ({ retrieval: 'coverage' as const, factor })),
    { retrieval: 'index', factor: Math.min(...factors) },
    { retrieval: 'scored', factor: 0 },
  ];
  for (const { retrieval, factor } of runs) {
    process.stderr.write(`${retrieval}${factor ? `, over-fetch ${factor}×` : ''} …\n`);
    let recall = 0;
    let tieAware = 0;
    let perfect = 0;
    const ms: number[] = [];
    for (const [i, c] of cases.entries()) {
      const started = performance.now();
      const found = await matcher.findCandidates({ ...c, strategy: 'hnsw', retrieval, ...(factor ? { overfetch: c.limit * factor } : {}) });
      ms.push(performance.now() - started);
      const exact = truth[i] as { ids: Set<number>; floor: number };
      const size = exact.ids.size;
      const hits = found.filter((r) => exact.ids.has(r.row.id)).length;
      const asGood = Math.min(size, found.filter((r) => r.scored.score >= exact.floor).length);
      recall += size === 0 ? 1 : hits / size;
      tieAware += size === 0 ? 1 : asGood / size;
      if (asGood === size) perfect++;
    }
    ms.sort((a, b) => a - b);
    settings.push({
      retrieval,
      ...(factor ? { overfetchPerResult: factor } : {}),
      recallAtLimit: round(recall / cases.length),
      recallAtLimitTiesEqual: round(tieAware / cases.length),
      exactTopShare: round(perfect / cases.length),
      latencyMs: { p50: round(percentile(ms, 0.5)), p95: round(percentile(ms, 0.95)) },
    });
  }
  exactMs.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        database: client.driver,
        talents,
        queries: cases.length,
        exact: { latencyMs: { p50: round(percentile(exactMs, 0.5)), p95: round(percentile(exactMs, 0.95)) } },
        paths: settings,
      },
      null,
      2,
    ),
  );
} finally {
  await client.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
