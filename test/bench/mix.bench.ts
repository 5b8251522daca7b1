/**
 * `pnpm bench:mix` — whether the heaviest requests starve the others. The server runs in a child
 * process (tsx server/src/server.ts), so the bench's own event loop is not the one measured. Two
 * phases of BENCH_SECONDS (default 20) each:
 *   alone   ordinary candidate searches (bench:match's varied bodies, 2 connections) beside a
 *           health probe (GET /api/health, one at a time, every 20 ms);
 *   beside  the same with 4 more connections sending the largest request the API accepts:
 *           20,000 characters of advert text, 50 skills, limit 100, strategy exact.
 * Reports the ordinary searches' and the probe's latency in both phases, and the maximal requests'.
 * DATABASE_URL set: that seeded PostgreSQL; unset: a PGlite seeded at the demo scale.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { createClient } from '@talentmap/db';
import { ensureSeeded, scaleFor, DEFAULT_TALENTS } from '@talentmap/seed';
import { load } from './http-load.js';
import { percentiles } from './stats.js';
import { bearerToken, benchAccount, bodySources, maximalBody, variedBodies } from './match-bodies.js';
import { TEST_PII_KEY, TEST_PII_KEYS } from '../support/database.js';
import { spawnServer, waitFor } from '../support/server-spawn.js';

const databaseUrl = process.env.DATABASE_URL || undefined;
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const work = mkdtempSync(join(tmpdir(), 'talentmap-bench-mix-'));
const dataDir = join(work, 'pglite');

// Seed and read what the bodies need in this process; the server then opens the database alone (PGlite's lock).
const client = await createClient(databaseUrl ? { databaseUrl } : { dataDir });
await client.migrate();
await ensureSeeded(client, { scale: scaleFor(DEFAULT_TALENTS), piiKeys: TEST_PII_KEYS });
const [{ talents } = { talents: 0 }] = await client.rows<{ talents: number }>(sql`select count(*)::int as talents from talents`);
const sources = await bodySources(client);
const account = await benchAccount(client);
await client.close();

const server = await spawnServer({
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', DATA_DIR: dataDir }),
  PII_KEY: TEST_PII_KEY,
  SEED_DEMO: 'false',
  IMPORT_DIR: join(work, 'imports'),
  RATE_LIMIT_PER_MINUTE: '10000000',
  RATE_LIMIT_ACCOUNT_PER_MINUTE: '10000000',
});
try {
  await waitFor(server, /ready in/, 300_000);
  const origin = `http://127.0.0.1:${server.port}`;
  const url = `${origin}/api/match/candidates`;
  const headers = { authorization: `Bearer ${await bearerToken(origin, account, 'bench:mix')}` };
  const ordinary = variedBodies(sources);
  const maximal = Array.from({ length: 16 }, (_, i) => maximalBody(sources, i + 1));

  /** GET /api/health one at a time until `stop` resolves: how long a liveness check waits. */
  const probe = async (stop: Promise<unknown>) => {
    const latencies: number[] = [];
    let done = false;
    void stop.then(() => (done = true));
    while (!done) {
      const started = performance.now();
      const res = await fetch(`${origin}/api/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      await sleep(20);
    }
    return percentiles(latencies);
  };
  const phase = async (withMaximal: boolean) => {
    const searches = load(url, ordinary, { headers, connections: 2, durationSeconds: seconds });
    const heavy = withMaximal ? load(url, maximal, { headers, connections: 4, durationSeconds: seconds, timeoutSeconds: 120 }) : null;
    const health = probe(Promise.all([searches, heavy]));
    return { ordinary: await searches, health: await health, ...(heavy ? { maximal: await heavy } : {}) };
  };

  process.stderr.write(`warming up (${talents} talents)…\n`);
  await load(url, ordinary, { headers, connections: 2, amount: 240 });
  await load(url, maximal, { headers, connections: 1, amount: 4, timeoutSeconds: 120 });
  process.stderr.write('ordinary searches alone…\n');
  const alone = await phase(false);
  process.stderr.write('ordinary searches beside maximal requests…\n');
  const beside = await phase(true);
  const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;
  console.log(
    JSON.stringify(
      {
        database: databaseUrl ? 'postgres' : 'pglite',
        talents,
        seconds,
        alone,
        beside,
        ratio: { ordinaryP95: ratio(beside.ordinary.latencyMs.p95, alone.ordinary.latencyMs.p95), healthP95: ratio(beside.health.p95, alone.health.p95) },
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
