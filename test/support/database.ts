import { createClient, type DbClient } from '@talentmap/db';
import { ensureSeeded, scaleFor } from '@talentmap/seed';
import postgres from 'postgres';
import { derivePiiKeys } from '@talentmap/core/pii';

/** Which driver this run of the shared integration suite uses (the suite runs once per driver). */
export const testDriver = (process.env.TEST_DRIVER ?? 'pglite') as 'pglite' | 'postgres';
export const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const TEST_TALENTS = 2_000;

/**
 * The port of a streaming replica of the test PostgreSQL server (scripts/replica.sh), when this run
 * of the suite sends the apps' reads to it: every test database is on it too, under the same name.
 */
export const replicaPort = testDriver === 'postgres' && process.env.TEST_REPLICA_PORT ? Number(process.env.TEST_REPLICA_PORT) : null;
const replicaUrls = new WeakMap<DbClient, string[]>();
/** The replica URLs for an app on this test database (none unless the run has a replica). */
export const replicaUrlsOf = (client: DbClient): string[] => replicaUrls.get(client) ?? [];

/** The demo accounts' password in tests (the seeding takes it as DEMO_PASSWORD would). */
export const DEMO_PASSWORD_FOR_TESTS = 'demo-password-for-tests';

/** A fixed personal-information key for tests, so a test can decrypt what the app sealed. */
/** The tests' PII master key (PII_KEY's base64 form, for a server started as a process) and its derived keys. */
export const TEST_PII_KEY = Buffer.alloc(32, 7).toString('base64');
export const TEST_PII_KEYS = derivePiiKeys(Buffer.from(TEST_PII_KEY, 'base64'));

export interface TestDatabase {
  client: DbClient;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated and seeded database for one test file: an in-memory PGlite, or a
 * throwaway database on the local PostgreSQL server (dropped afterwards).
 */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  if (testDriver === 'pglite') {
    const client = await createClient({ dataDir: 'memory://' });
    await client.migrate();
    if (options.seed !== false) await ensureSeeded(client, { scale: scaleFor(TEST_TALENTS), demoPassword: DEMO_PASSWORD_FOR_TESTS, piiKeys: TEST_PII_KEYS });
    return { client, dispose: () => client.close() };
  }
  const name = `talentmap_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = await createClient({ databaseUrl: url.toString(), maxConnections: 4 });
  if (replicaPort !== null) {
    const replica = new URL(url);
    replica.port = String(replicaPort);
    replicaUrls.set(client, [replica.toString()]);
  }
  await client.migrate();
  if (options.seed !== false) await ensureSeeded(client, { scale: scaleFor(TEST_TALENTS), demoPassword: DEMO_PASSWORD_FOR_TESTS, piiKeys: TEST_PII_KEYS });
  return {
    client,
    async dispose() {
      await client.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
