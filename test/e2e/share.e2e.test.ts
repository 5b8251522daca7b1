import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS } from './support/accounts';
import { launch, openPage, screenshot, signIn, waitForMap, waitForMapKey } from './support/browser';

/** A shared link reproduces the view: journey, filters, drill-down, layers, selection and the map position. */

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close().catch(() => {});
});

const filterValues = () => ({
  cluster: (document.getElementById('f-cluster') as HTMLSelectElement).value,
  chain: (document.getElementById('f-chain') as HTMLSelectElement).value,
  grade: (document.getElementById('f-grade') as HTMLSelectElement).value,
  quarter: document.querySelector('[data-testid="quarter-value"]')?.textContent,
  layers: Array.from(document.querySelectorAll<HTMLInputElement>('[data-testid="layer-switches"] input')).map((i) => i.checked),
  summary: document.querySelector('[data-testid="region-summary"] h2')?.textContent,
  districtLabels: Array.from(document.querySelectorAll('.district-label'))
    .map((e) => e.textContent)
    .sort(),
});

describe('shared URL', () => {
  it('reproduces a planner view exactly in a new browser context', async () => {
    const a = await openPage(browser, baseUrl);
    await a.page.goto(`${baseUrl}/planner`);
    await waitForMap(a.page);
    const clusterValue = await a.page.locator('#f-cluster option').nth(2).getAttribute('value');
    await a.page.selectOption('#f-cluster', clusterValue!);
    await a.page.selectOption('#f-grade', '5');
    await a.page.locator('#f-quarter').focus();
    await a.page.keyboard.press('ArrowLeft');
    await a.page.keyboard.press('ArrowLeft');
    // drill into 南京 and pick a district
    const box = await a.page.locator('.city-label', { hasText: '南京' }).boundingBox();
    await a.page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height + 6);
    await waitForMapKey(a.page, /^heatmap\|district\|/);
    await a.page.locator('.district-label').first().waitFor();
    await a.page.getByTestId('layer-switches').getByLabel('企业').check();
    // a person pans the map: the view goes into the URL
    const map = await a.page.getByTestId('map').boundingBox();
    await a.page.mouse.move(map!.x + map!.width / 2, map!.y + map!.height / 2);
    await a.page.mouse.down();
    await a.page.mouse.move(map!.x + map!.width / 2 - 80, map!.y + map!.height / 2 - 40, { steps: 8 });
    await a.page.mouse.up();
    await expect.poll(() => new URL(a.page.url()).searchParams.get('v')).toMatch(/^[\d.]+,[\d.]+,[\d.]+$/);
    const key = await waitForMapKey(a.page, /^heatmap\|district\|/);
    await a.page.waitForTimeout(300);
    const shared = a.page.url();
    const stateA = await a.page.evaluate(filterValues);
    const viewA = await a.page.evaluate(() => window.__mapView!());
    await screenshot(a.page, 'share-original.png');

    const b = await openPage(browser, baseUrl);
    await b.page.goto(shared);
    await waitForMap(b.page);
    await waitForMapKey(b.page, key);
    await b.page.locator('.district-label').first().waitFor();
    await b.page.waitForTimeout(300);
    expect(b.page.url()).toBe(shared);
    expect(await b.page.evaluate(filterValues)).toEqual(stateA);
    const viewB = await b.page.evaluate(() => window.__mapView!());
    expect(viewB.lng).toBeCloseTo(viewA.lng, 3);
    expect(viewB.lat).toBeCloseTo(viewA.lat, 3);
    expect(viewB.zoom).toBeCloseTo(viewA.zoom, 1);
    await screenshot(b.page, 'share-reloaded.png');
    expect([...a.pageErrors, ...b.pageErrors]).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it('reproduces an enterprise search and an institution view from their links, signing in on the way', async () => {
    const w = await openPage(browser, baseUrl);
    const link = `${baseUrl}/enterprise?vocc=6-18-02-04&skills=${encodeURIComponent('熔化极气体保护焊,钨极氩弧焊')}&mg=3&place=320506&r=30`;
    await w.page.goto(link);
    await waitForMap(w.page);
    // a planner may see both: signing in from the prompt keeps the link's view
    await signIn(w.page, DEMO_ACCOUNTS.planner, { from: 'prompt' });
    const after = new URL(w.page.url());
    after.searchParams.delete('v');
    expect([after.pathname, Object.fromEntries(after.searchParams)]).toEqual([new URL(link).pathname, Object.fromEntries(new URL(link).searchParams)]);
    await w.page.getByTestId('candidate').first().waitFor({ timeout: 20_000 });
    const chips = await w.page.getByTestId('skill-chips').locator('[data-chip]').allInnerTexts();
    expect(chips.map((c) => c.replace(/×|文本|职业标准/g, '').trim())).toEqual(['熔化极气体保护焊', '钨极氩弧焊']);
    await expect(w.page.locator('#v-place').inputValue()).resolves.toBe('320506');

    const institutions = (await (await fetch(`${baseUrl}/api/institutions?limit=1`)).json()) as { items: { id: number; name: string }[] };
    const inst = institutions.items[0]!;
    await w.page.goto(`${baseUrl}/institution?inst=${inst.id}`);
    await w.page.getByTestId('institution-fit').waitFor({ timeout: 30_000 });
    await expect(w.page.getByTestId('institution-fit').locator('h2').innerText()).resolves.toBe(inst.name);
    await w.context.close();
  });
});
