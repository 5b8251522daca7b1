import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createClient, type DbClient } from '@talentmap/db';
import { adminUrl, testDriver } from '../support/database.js';

/**
 * The real server, killed while it loads the demo on its first start, then started again: the
 * second start must find nothing half-loaded, load it all and serve a healthy API.
 */
const repoRoot = resolve(import.meta.dirname, '../..');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const TALENTS = 20_000;
const work = mkdtempSync(join(tmpdir(), 'talentmap-interrupted-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(work, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  // Its own process group, so a kill reaches tsx's node child as well.
  const child = spawn(tsx, ['server/src/server.ts'], {
    cwd: repoRoot,
    detached: true,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', DEMO_TALENTS: String(TALENTS), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) killGroup(child, 'SIGKILL');
    await exited;
  });
  return { child, output: () => text, exited };
}

const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-(child.pid as number), signal);
  } catch {
    /* already gone */
  }
};

async function waitFor(started: Started, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`server exited (${started.child.exitCode}) before ${pattern}:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${ms} ms:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Where each driver's server keeps its data, and how the test opens it afterwards. */
async function databaseFor(): Promise<{ env: Record<string, string>; open: () => Promise<DbClient> }> {
  const base = { PII_KEY: Buffer.alloc(32, 9).toString('base64'), IMPORT_DIR: join(work, 'imports'), DEMO_PASSWORD: 'interrupted-start-test' };
  if (testDriver === 'pglite') {
    const dataDir = join(work, 'pglite');
    return { env: { ...base, DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => createClient({ dataDir }) };
  }
  const name = `talentmap_interrupted_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { env: { ...base, DATABASE_URL: url.toString() }, open: () => createClient({ databaseUrl: url.toString(), maxConnections: 2 }) };
}

describe(`a first start killed during the load, on ${testDriver}`, () => {
  it('loads everything at the next start and reports healthy', { timeout: 900_000 }, async () => {
    const { env, open } = await databaseFor();
    const first = startServer({ ...env, PORT: String(await freePort()) });
    await waitFor(first, /loading talents/, 300_000);
    killGroup(first.child, 'SIGKILL');
    await first.exited;

    const port = await freePort();
    const second = startServer({ ...env, PORT: String(port) });
    await waitFor(second, /ready in/, 600_000);
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as Record<string, unknown>;
    expect(health).toEqual({ status: 'ok', database: testDriver, dataset: 'synthetic-demo', synthetic: true });

    if (testDriver === 'pglite') {
      // A third start on the same folder refuses, naming the running server.
      const third = startServer({ ...env, PORT: String(await freePort()) });
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
