/**
 * `pnpm bench:match` — latency of POST /api/match/candidates over HTTP (autocannon), HNSW
 * against the exact-scan baseline in the same run, plus sustained throughput.
 * DATABASE_URL set: that (seeded) PostgreSQL, e.g. 1,000,000 talents from
 *   `pnpm seed --talents 1000000 --reset`; unset: a PGlite seeded at the demo scale.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Rng } from '@talentmap/core';
import { hashPassword, randomPassword } from '@talentmap/core/password';
import { AccountRepository, createClient, type DbClient } from '@talentmap/db';
import { ensureSeeded, scaleFor, DEFAULT_TALENTS } from '@talentmap/seed';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@talentmap/server';
import { loadAdverts } from '../eval/classification.js';
import { load } from './http-load.js';
import { TEST_PII_KEYS } from '../support/database.js';

/**
 * The candidates endpoint needs a planner or an enterprise: the bench gives its own provincial
 * planner a fresh random password (leaving the demo accounts alone), signs in once and asks for a
 * bearer token, so requests carry neither a session nor a CSRF token.
 */
async function benchToken(db: DbClient, app: FastifyInstance): Promise<string> {
  const password = randomPassword();
  await new AccountRepository(db).upsert({ username: 'bench-planner', passwordHash: await hashPassword(password), role: 'planner', regionCode: '320000' });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench-planner', password } });
  const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
  const { csrfToken } = login.json() as { csrfToken: string };
  const issued = await app.inject({
    method: 'POST',
    url: '/api/auth/tokens',
    payload: { name: 'bench:match' },
    headers: { cookie, 'x-csrf-token': csrfToken },
  });
  if (issued.statusCode !== 201) throw new Error(`no bench token: ${issued.statusCode} ${issued.body}`);
  return (issued.json() as { token: string }).token;
}

const databaseUrl = process.env.DATABASE_URL || undefined;
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const dataDir = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'talentmap-bench-'));
const client = await createClient(databaseUrl ? { databaseUrl, maxConnections: 16 } : { dataDir: dataDir as string });

try {
  await client.migrate();
  await ensureSeeded(client, { scale: scaleFor(DEFAULT_TALENTS), piiKeys: TEST_PII_KEYS });
  const [counts] = await client.rows<{ talents: number; index_bytes: number; table_bytes: number }>(sql`
    select (select count(*)::int from talents) as talents,
           pg_relation_size('talents_embedding_hnsw')::float8 as index_bytes,
           pg_total_relation_size('talents')::float8 as table_bytes`);
  const app = await buildApp({
    piiKeys: TEST_PII_KEYS,
    client,
    serveWeb: false,
    config: { LOG_LEVEL: 'fatal', RATE_LIMIT_PER_MINUTE: 10_000_000, RATE_LIMIT_ACCOUNT_PER_MINUTE: 10_000_000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/match/candidates`;
  const headers = { authorization: `Bearer ${await benchToken(client, app)}` };

  // 240 varied queries: occupation codes, free-text adverts and skill lists, a third
  // filtered by city or district, a third by radius, half with a minimum grade.
  const rng = new Rng(7);
  const occupations = await client.rows<{ code: string }>(sql`select code from occupations order by code`);
  const regions = await client.rows<{ code: string; lng: number; lat: number }>(sql`
    select code, centroid_lng as lng, centroid_lat as lat from regions where level <> 'province' order by code`);
  const adverts = loadAdverts();
  const bodies = Array.from({ length: 240 }, (_, i) => {
    const kind = i % 3;
    const demand =
      kind === 0
        ? { occupationCode: rng.pick(occupations).code }
        : kind === 1
          ? { text: rng.pick(adverts).text }
          : { occupationCode: rng.pick(occupations).code, skills: ['安全生产规范'] };
    const place = rng.pick(regions);
    // The filter varies independently of the kind of demand (every pair occurs).
    const shape = Math.floor(i / 3) % 3;
    const filter =
      shape === 0 ? { regionCode: place.code } : shape === 1 ? { near: { lng: place.lng, lat: place.lat, radiusKm: rng.pick([20, 30, 50, 80]) } } : {};
    return { ...demand, ...filter, ...(rng.chance(0.5) ? { minGrade: rng.int(2, 5) } : {}), limit: 20 };
  });

  process.stderr.write(`warming up (${counts?.talents} talents)…\n`);
  await load(url, bodies, { headers, connections: 2, amount: 240 });
  process.stderr.write('HNSW latency…\n');
  const hnsw = await load(url, bodies, { headers, connections: 4, durationSeconds: seconds });
  process.stderr.write('exact-scan baseline…\n');
  const exact = await load(
    url,
    bodies.map((b) => ({ ...b, strategy: 'exact' })),
    { headers, connections: 4, durationSeconds: seconds },
  );
  process.stderr.write('sustained throughput…\n');
  const sustained = await load(url, bodies, { headers, connections: 16, durationSeconds: seconds });
  await app.close();

  console.log(
    JSON.stringify(
      {
        database: client.driver,
        talents: counts?.talents,
        hnswIndexMB: Math.round((counts?.index_bytes ?? 0) / 1048576),
        talentsTableMB: Math.round((counts?.table_bytes ?? 0) / 1048576),
        queries: bodies.length,
        hnsw: { connections: 4, ...hnsw },
        exactScan: { connections: 4, ...exact },
        ratio: { p50: Math.round((exact.latencyMs.p50 / hnsw.latencyMs.p50) * 10) / 10, p95: Math.round((exact.latencyMs.p95 / hnsw.latencyMs.p95) * 10) / 10 },
        sustained: { connections: 16, ...sustained },
        serverRssMB: Math.round(process.memoryUsage().rss / 1048576),
      },
      null,
      2,
    ),
  );
} finally {
  await client.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
