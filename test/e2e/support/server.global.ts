import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { DEMO_PASSWORD } from './accounts';

/**
 * One real server for every browser test: the production build of web/ served by
 * server/src/server.ts over a freshly seeded embedded database at demo scale. Started once
 * (seeding takes most of a minute), shared by all e2e files through `inject('baseUrl')`. The
 * synthetic dataset's demo accounts get the password DEMO_PASSWORD (./accounts.ts).
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const serverDir = join(root, 'server');
const webIndex = join(root, 'web', 'dist', 'index.html');
/** Set to test an already running server instead of starting one (e.g. a staging deployment). */
const externalBaseUrl = process.env.E2E_BASE_URL?.replace(/\/$/, '');
/** Demo scale: the budgets are stated for the default demo (20,000 talents). */
const demoTalents = process.env.E2E_DEMO_TALENTS ?? '20000';
const SERVER_START_TIMEOUT_MS = 180_000;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoTalents: string;
  }
}

/** A free TCP port in 3100–3199 (kept clear of the default 3000 that others run on). */
async function freePort(): Promise<number> {
  const start = 3100 + Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i++) {
    const port = 3100 + ((start - 3100 + i) % 100);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 3100–3199');
}

async function waitForHealth(url: string, timeoutMs: number, exited: () => boolean, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`server exited before answering /api/health:\n${log().slice(-4000)}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server did not answer /api/health within ${timeoutMs / 1000} s:\n${log().slice(-4000)}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(webIndex)) {
    throw new Error(`web/dist/index.html is missing (${webIndex}). Build the web app first: npx pnpm --filter @talentmap/web build`);
  }
  project.provide('demoTalents', demoTalents);
  if (externalBaseUrl) {
    await waitForHealth(
      externalBaseUrl,
      SERVER_START_TIMEOUT_MS,
      () => false,
      () => '',
    );
    project.provide('baseUrl', externalBaseUrl);
    return;
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'talentmap-e2e-'));
  let log = '';
  let exited = false;
  const child: ChildProcess = spawn('npx', ['tsx', join(serverDir, 'src', 'server.ts')], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      // The demo's generated key goes beside its throwaway database (not inside PGlite's directory).
      PII_KEY_FILE: `${dataDir}.pii.key`,
      DEMO_TALENTS: demoTalents,
      LOG_LEVEL: 'warn',
      DEMO_PASSWORD,
      // One browser from one address makes many requests (search as you type, every layer).
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so teardown can stop npx, tsx and node together.
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const stop = async () => {
    if (!child.pid || exited) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    signalGroup('SIGTERM');
    const stopped = await Promise.race([exitedPromise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
    if (!stopped) signalGroup('SIGKILL');
  };

  try {
    await waitForHealth(
      baseUrl,
      SERVER_START_TIMEOUT_MS,
      () => exited,
      () => log,
    );
  } catch (error) {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
