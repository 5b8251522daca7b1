import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import postgres from 'postgres';
import { createClient, type DbClient } from '@talentmap/db';
import { adminUrl, testDriver } from './database.js';

/** The demo accounts' password in the servers these tests start (DEMO_PASSWORD). */
export const SERVER_DEMO_PASSWORD = 'server-process-test';

const repoRoot = resolve(import.meta.dirname, '../..');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

/** A real server (tsx server/src/server.ts) running as a child process. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Its exit code, once it and its node child are gone. */
  exited: Promise<number | null>;
}

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

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

/** A signal to the server's whole process group: tsx runs the server in a node child of its own. */
export const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-(child.pid as number), signal);
  } catch {
    /* already gone */
  }
};

/** tsx's exit comes before its node child's: the data folder's lock is free once the whole group is gone. */
async function groupGone(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(-(child.pid as number), 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the server's output matches `pattern`; fails when it exits first or `ms` pass. */
export async function waitFor(server: ServerProcess, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(server.output())) {
    if (server.child.exitCode !== null) throw new Error(`server exited (${server.child.exitCode}) before ${pattern}:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${ms} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
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
    const port = await freePort();
    // Its own process group, so a kill reaches tsx's node child as well.
    const child = spawn(tsx, ['server/src/server.ts'], {
      cwd: repoRoot,
      detached: true,
      env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code))).then(async (code) => {
      await groupGone(child);
      return code;
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) killGroup(child, 'SIGKILL');
      await exited;
    });
    return { child, port, output: () => text, exited };
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
