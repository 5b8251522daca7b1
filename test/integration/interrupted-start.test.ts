import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDriver } from '../support/database.js';
import { killGroup, useServerProcesses, waitFor } from '../support/server-process.js';

/**
 * The real server, killed while it loads the demo on its first start, then started again: the
 * second start must find nothing half-loaded, load it all and serve a healthy API.
 */
const TALENTS = 20_000;
const servers = useServerProcesses('interrupted');

describe(`a first start killed during the load, on ${testDriver}`, () => {
  it('loads everything at the next start and reports healthy', { timeout: 900_000 }, async () => {
    const { env: database, open } = await servers.database();
    const env = { ...database, DEMO_TALENTS: String(TALENTS) };
    const first = await servers.start(env);
    await waitFor(first, /loading talents/, 300_000);
    killGroup(first.child, 'SIGKILL');
    await first.exited;

    const second = await servers.start(env);
    await waitFor(second, /ready in/, 600_000);
    const health = (await (await fetch(`http://127.0.0.1:${second.port}/api/health`)).json()) as Record<string, unknown>;
    expect(health).toEqual({ status: 'ok', database: testDriver, dataset: 'synthetic-demo', synthetic: true });

    if (testDriver === 'pglite') {
      // A third start on the same folder refuses, naming the running server.
      const third = await servers.start(env);
      expect(await third.exited).toBe(1);
      expect(third.output()).toMatch(/in use by process \d+/);
    }
    killGroup(second.child, 'SIGTERM');
    await second.exited;

    const client = await open();
    try {
      const [counts] = await client.rows<Record<string, number>>(sql`select
        (select count(*)::int from talents) as talents,
        (select count(*)::int from talent_identities) as identities,
        (select count(*)::int from vacancies) as vacancies,
        (select count(*)::int from institutions) as institutions,
        (select count(*)::int from shortage_slices) as slices,
        (select count(*)::int from pg_indexes where schemaname = 'public' and indexdef like '%USING hnsw%') as hnsw,
        (select count(*)::int from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace) as foreign_keys`);
      expect(counts).toMatchObject({ talents: TALENTS, identities: TALENTS, vacancies: TALENTS / 2, hnsw: 4 });
      expect(counts?.institutions).toBeGreaterThan(0);
      expect(counts?.slices).toBeGreaterThan(0);
      expect(counts?.foreign_keys).toBeGreaterThanOrEqual(28);
    } finally {
      await client.close();
    }
  });
});
