import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, screenshot, waitForMap, type WatchedPage } from './support/browser';

/**
 * The city map in a real browser against the real server: the production build of web/
 * served by server/src/server.ts (started once by support/server.global.ts) under its CSP.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
let w: WatchedPage;

beforeAll(async () => {
  browser = await launch();
  w = await openPage(browser, baseUrl);
  await w.page.goto(baseUrl, { waitUntil: 'load' });
  await waitForMap(w.page);
});

afterAll(async () => {
  await browser?.close().catch(() => {});
});

describe('city map', () => {
  it('renders all 13 cities from /api/regions', async () => {
    const rendered = await w.page.evaluate(() => window.__renderedCities);
    expect(rendered).toBe(13);
    await expect(w.page.locator('.city-label').count()).resolves.toBe(13);
  });

  it('runs under the CSP without console or page errors and without leaving the origin', () => {
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });

  it('says the data are synthetic', async () => {
    const banner = w.page.getByRole('status').filter({ hasText: '合成数据' });
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(banner.innerText()).resolves.toContain('演示数据：本系统当前载入的企业、岗位、人才与培训记录均为合成数据');
    await expect(w.page.getByTestId('db-driver').innerText()).resolves.toMatch(/PGlite|PostgreSQL/);
  });

  it('shows a tooltip with name, shortage figures and code when hovering 苏州', async () => {
    const label = w.page.locator('.city-label', { hasText: '苏州' });
    const box = await label.boundingBox();
    expect(box, '苏州 label not on screen').not.toBeNull();
    const x = box!.x + box!.width / 2;
    const y = box!.y + box!.height / 2;
    await w.page.mouse.move(x - 40, y - 40);
    await w.page.mouse.move(x, y, { steps: 5 });
    const tooltip = w.page.getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await tooltip.innerText();
    expect(text).toContain('苏州');
    expect(text).toContain('320500');
    expect(text).toContain('短缺指数');
    await screenshot(w.page, 'map-cities.png');
  });
});
