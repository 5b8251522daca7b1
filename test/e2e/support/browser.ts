/// <reference path="../../../web/src/global.d.ts" />
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './accounts';

export const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'artifacts');
mkdirSync(artifacts, { recursive: true });

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const MAP_READY_TIMEOUT_MS = 60_000;

export function launch(): Promise<Browser> {
  return chromium.launch({
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
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
}

/**
 * Chromium logs every non-2xx answer as a console error. One is expected: an anonymous visitor's
 * GET /api/auth/me is answered 401 (that is how the app learns nobody is signed in).
 */
function expectedRefusal(m: ConsoleMessage): boolean {
  try {
    return new URL(m.location().url).pathname === '/api/auth/me' && m.text().includes('status of 401');
  } catch {
    return false;
  }
}

/** A fresh page at the app's usual size that records console errors, page errors and any request leaving the origin. */
export async function openPage(browser: Browser, baseUrl: string, options: { acceptDownloads?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  const watched: WatchedPage = { page, context, consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' && !expectedRefusal(m)) watched.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watched.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) watched.foreignRequests.push(url);
  });
  return watched;
}

export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__mapReady === true, undefined, { timeout: MAP_READY_TIMEOUT_MS });
}

/** Waits until the choropleth with this key (see web/src/components/planner/use-planner-map.ts) has been painted. */
export async function waitForMapKey(page: Page, predicate: string | RegExp, timeout = 20_000): Promise<string> {
  const source = typeof predicate === 'string' ? { s: predicate } : { r: predicate.source };
  const handle = await page.waitForFunction(
    (p) => {
      const key = window.__mapUpdate?.key;
      if (!key) return false;
      const ok = p.s !== undefined ? key === p.s : new RegExp(p.r!).test(key);
      return ok ? key : false;
    },
    source,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, name) });

/** The heatmap's map key as web/src/components/planner/use-planner-map.ts heatmapKey writes it. */
export function heatKey(
  level: 'city' | 'district',
  f: { cluster?: string; chain?: string; occupation?: string; grade?: string | number; quarter?: string } = {},
): string {
  return ['heatmap', level, f.cluster ?? '', f.chain ?? '', f.occupation ?? '', f.grade ?? '', f.quarter ?? ''].join('|');
}

/** Launches Chromium, opens a watched page at one journey's path and waits for the map: each journey file's start. */
export async function openJourney(
  baseUrl: string,
  path: string,
  options: { acceptDownloads?: boolean } = {},
): Promise<{ browser: Browser; watched: WatchedPage }> {
  const browser = await launch();
  const watched = await openPage(browser, baseUrl, options);
  await watched.page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  await waitForMap(watched.page);
  return { browser, watched };
}

/**
 * Signs in through the UI: the header's 登录 (or, `from: 'prompt'`, the journey's login prompt),
 * username and password, then waits until the header shows the account.
 */
export async function signIn(page: Page, username: string, options: { password?: string; from?: 'header' | 'prompt' } = {}): Promise<void> {
  const dialog = page.getByTestId('login-dialog');
  await page.getByTestId(options.from === 'prompt' ? 'login-prompt-button' : 'login-open').click();
  await dialog.waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(options.password ?? DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('session-user').filter({ hasText: username }).waitFor({ timeout: 15_000 });
  await dialog.waitFor({ state: 'detached' });
}

/** Signs out with the header's 退出 and waits for the 登录 button. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-open').waitFor();
}
