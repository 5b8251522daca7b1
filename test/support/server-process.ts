import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import postgres from 'postgres';
import { createClient, type DbClient } from '@talentmap/db';
import { adminUrl, testDriver } from './database.js';
import { spawnServer, type ServerProcess } from './server-spawn.js';

export { killGroup, waitFor, type ServerProcess } from './server-spawn.js';

/** The demo accounts' password in the servers these tests start (DEMO_PASSWORD). */
export const SERVER_DEMO_PASSWORD = 'server-process-test';

/** Where each driver's server keeps its data, and how the test opens it while no server runs. */
export interface ServerDatabase {
  env: Record<string, string>;
  open: () => Promise<DbClient>;
}

export interface ServerProcesses {
  /** Starts a server on a free port with the demo on (SEED_DEMO), warnings only in its log; `env` comes on top. */
  start(env: Record<string, string>): Promise<ServerProcess>;
  /** A fresh database for this test's servers: a PGlite folder, or a database on the local PostgreSQL. */
  database(): Promise<ServerDatabase>;
}

/**
 * Servers and their databases for one test file, under a scratch folder named after `name`:
 * after the file's tests, a server still running is killed and the databases are dropped.
 */
export function useServerProcesses(name: string): ServerProcesses {
  const work = mkdtempSync(join(tmpdir(), `talentmap-${name}-`));
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>): Promise<ServerProcess> {
    const { stop, ...server } = await spawnServer({ SEED_DEMO: 'true', ...env });
    cleanups.push(stop);
    return server;
  }

  async function database(): Promise<ServerDatabase> {
    const base = { PII_KEY: Buffer.alloc(32, 9).toString('base64'), IMPORT_DIR: join(work, 'imports'), DEMO_PASSWORD: SERVER_DEMO_PASSWORD };
    if (testDriver === 'pglite') {
      const dataDir = join(work, 'pglite');
      return { env: { ...base, DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => createClient({ dataDir }) };
    }
    const db = `talentmap_${name.replaceAll('-', '_')}_${process.pid}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${db} with (force)`);
    await admin.unsafe(`create database ${db}`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists ${db} with (force)`);
      await admin.end();
    });
    const url = new URL(adminUrl);
    url.pathname = `/${db}`;
    return { env: { ...base, DATABASE_URL: url.toString() }, open: () => createClient({ databaseUrl: url.toString(), maxConnections: 2 }) };
  }

  return { start, database };
}
