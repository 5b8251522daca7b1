import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * The city map in a real browser against the real server: the production build of web/
 * served by server/src/server.ts over a freshly seeded embedded database, under its CSP.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const serverDir = join(root, 'server');
const webIndex = join(root, 'web', 'dist', 'index.html');
const artifacts = join(root, 'test', 'artifacts');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set to test an already running server instead of starting one (e.g. a staging deployment). */
const externalBaseUrl = process.env.E2E_BASE_URL?.replace(/\/$/, '');

const SERVER_START_TIMEOUT_MS = 120_000;
const MAP_READY_TIMEOUT_MS = 60_000;

interface MapWindow {
  __mapReady?: boolean;
  __renderedCities?: number;
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

let server: ChildProcess | undefined;
let serverExited: Promise<void> | undefined;
let serverLog = '';
let dataDir: string | undefined;
let browser: Browser | undefined;
let baseUrl = '';

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void serverExited?.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited before answering /api/health:\n${serverLog.slice(-4000)}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server did not answer /api/health within ${timeoutMs / 1000} s:\n${serverLog.slice(-4000)}`);
}

async function stopServer(): Promise<void> {
  const child = server;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  // npx → tsx → node: signal the whole process group (the child was started detached as its leader).
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const stopped = await Promise.race([
    serverExited!.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
  ]);
  if (!stopped) signalGroup('SIGKILL');
}

/** Starts server/src/server.ts the way its start script does, on a free port over a fresh database. */
async function startServer(): Promise<void> {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'talentmap-e2e-'));
  const child = spawn('npx', ['tsx', join(serverDir, 'src', 'server.ts')], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_TALENTS: '2000', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so afterAll can stop npx, tsx and node together.
    detached: true,
  });
  server = child;
  const keep = (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  serverExited = new Promise((resolve) => child.once('exit', () => resolve()));
  await waitForHealth(baseUrl, SERVER_START_TIMEOUT_MS);
}

beforeAll(async () => {
  if (!existsSync(webIndex)) {
    throw new Error(
      `web/dist/index.html is missing (${webIndex}). Build the web app first: npx pnpm --filter @talentmap/web build`,
    );
  }
  if (externalBaseUrl) {
    baseUrl = externalBaseUrl;
    await waitForHealth(baseUrl, SERVER_START_TIMEOUT_MS);
  } else {
    await startServer();
  }
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, SERVER_START_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await stopServer();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('city map', () => {
  let page: Page;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    page = await browser!.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
    });
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as MapWindow).__mapReady === true, undefined, {
      timeout: MAP_READY_TIMEOUT_MS,
    });
  }, MAP_READY_TIMEOUT_MS + 30_000);

  it('renders all 13 cities from /api/regions', async () => {
    const rendered = await page.evaluate(() => (window as unknown as MapWindow).__renderedCities);
    expect(rendered).toBe(13);
    await expect(page.locator('.city-label').count()).resolves.toBe(13);
  });

  it('runs under the CSP without console or page errors and without leaving the origin', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('says the data are synthetic', async () => {
    const banner = page.getByRole('status').filter({ hasText: '合成数据' });
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(banner.innerText()).resolves.toContain('演示数据：本系统当前载入的企业、岗位、人才与培训记录均为合成数据');
    await expect(page.getByTestId('db-driver').innerText()).resolves.toMatch(/PGlite|PostgreSQL/);
  });

  it('shows a tooltip with name and code when hovering 苏州', async () => {
    const label = page.locator('.city-label', { hasText: '苏州' });
    const box = await label.boundingBox();
    expect(box, '苏州 label not on screen').not.toBeNull();
    const x = box!.x + box!.width / 2;
    const y = box!.y + box!.height / 2;
    await page.mouse.move(x - 40, y - 40);
    await page.mouse.move(x, y, { steps: 5 });
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await tooltip.innerText();
    expect(text).toContain('苏州');
    expect(text).toContain('320500');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'map-cities.png') });
  });
});
