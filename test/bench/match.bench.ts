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
import { createClient } from '@talentmap/db';
import { ensureSeeded, scaleFor, DEFAULT_TALENTS } from '@talentmap/seed';
import { buildApp } from '@talentmap/server';
import { load } from './http-load.js';
import { bearerToken, benchAccount, bodySources, variedBodies } from './match-bodies.js';
import { TEST_PII_KEYS } from '../support/database.js';

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
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const url = `${origin}/api/match/candidates`;
  const headers = { authorization: `Bearer ${await bearerToken(origin, await benchAccount(client), 'bench:match')}` };
  const bodies = variedBodies(await bodySources(client));

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
