import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifacts, openJourney, screenshot, waitForMapKey, heatKey, type WatchedPage } from './support/browser';

/** 规划者: filters → shortage heatmap, drill into a city, the catalogue with CSV/XLSX export, indicators. */

const baseUrl = inject('baseUrl');
let browser: Browser;
let w: WatchedPage;
let page: Page;

beforeAll(async () => {
  ({ browser, watched: w } = await openJourney(baseUrl, '/planner', { acceptDownloads: true }));
  page = w.page;
});

afterAll(async () => {
  await browser?.close().catch(() => {});
});

async function clickCity(name: string) {
  const box = await page.locator('.city-label', { hasText: name }).boundingBox();
  expect(box, `${name} label not on screen`).not.toBeNull();
  // just below the label, inside the city
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height + 6);
}

describe('planner journey', () => {
  it('colours the cities by shortage with a legend and the province summary', async () => {
    await waitForMapKey(page, heatKey('city'));
    const legend = await page.getByTestId('map-legend').innerText();
    expect(legend).toContain('短缺指数');
    expect(legend).toContain('≥2 紧缺');
    const summary = await page.getByTestId('region-summary').innerText();
    expect(summary).toContain('江苏省');
    expect(summary).toContain('求人倍率');
    await expect(page.getByTestId('top-shortages').locator('li').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('timeseries-chart').innerText()).resolves.toContain('需求预测');
  });

  it('cascades cluster → chain and filters by grade and quarter, keeping them in the URL', async () => {
    const clusterValue = await page.locator('#f-cluster option').nth(1).getAttribute('value');
    await page.selectOption('#f-cluster', clusterValue!);
    await waitForMapKey(page, heatKey('city', { cluster: clusterValue! }));
    // only this cluster's chains are offered
    const chainValues = await page.locator('#f-chain option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(chainValues.length).toBeGreaterThan(0);
    await page.selectOption('#f-chain', chainValues[0]!);
    await waitForMapKey(page, heatKey('city', { chain: chainValues[0] }));
    await page.selectOption('#f-grade', '4');
    await waitForMapKey(page, heatKey('city', { chain: chainValues[0], grade: 4 }));
    // quarter slider: one step back
    const slider = page.locator('#f-quarter');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    const key = await waitForMapKey(page, new RegExp(`^${heatKey('city', { chain: chainValues[0], grade: 4 }).replace(/\|/g, '\\|')}\\d{4}Q[1-4]$`));
    const quarter = key.split('|').pop()!;
    const url = new URL(page.url());
    expect(url.pathname).toBe('/planner');
    expect(url.searchParams.get('cluster')).toBe(clusterValue);
    expect(url.searchParams.get('chain')).toBe(chainValues[0]);
    expect(url.searchParams.get('grade')).toBe('4');
    expect(url.searchParams.get('q')).toBe(quarter);
    await expect(page.getByTestId('quarter-value').innerText()).resolves.toContain('季度');
    await screenshot(page, 'planner-filters.png');
    // reset for the next steps
    await page.getByRole('button', { name: /清除全部筛选/ }).click();
    await waitForMapKey(page, heatKey('city'));
  });

  it('plays the quarters with the play button and stops', async () => {
    await page.locator('#f-quarter').focus();
    await page.keyboard.press('Home');
    await waitForMapKey(page, /^heatmap\|city\|\|\|\|\|\d{4}Q[1-4]$/);
    const start = await page.getByTestId('quarter-value').innerText();
    await page.getByTestId('quarter-play').click();
    await expect.poll(() => page.getByTestId('quarter-value').innerText(), { timeout: 5_000 }).not.toBe(start);
    await page.getByTestId('quarter-play').click();
    await expect(page.getByTestId('quarter-play').getAttribute('aria-pressed')).resolves.toBe('false');
    await page.locator('#f-quarter').focus();
    await page.keyboard.press('End');
    await waitForMapKey(page, heatKey('city'));
  });

  it('drills into 苏州 and shows its districts, then returns to the province', async () => {
    await clickCity('苏州');
    await waitForMapKey(page, heatKey('district'));
    await page.locator('.district-label').first().waitFor({ state: 'visible' });
    const districts = await page.locator('.district-label').allInnerTexts();
    expect(districts).toContain('吴中区');
    expect(new URL(page.url()).searchParams.get('city')).toBe('320500');
    await expect(page.getByTestId('region-summary').innerText()).resolves.toContain('苏州市');
    await page.getByTestId('drill-up').click();
    await waitForMapKey(page, heatKey('city'));
    expect(new URL(page.url()).searchParams.get('city')).toBeNull();
  });

  it('searches and sorts the catalogue and exports CSV (with BOM) and XLSX that read back', async () => {
    await page.getByRole('tab', { name: '紧缺目录' }).click();
    const table = page.getByTestId('catalog');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    const total = await rows.count();
    expect(total).toBeGreaterThan(5);
    // sort by 求人倍率 (descending first), then check the column is ordered
    await table.getByRole('button', { name: /求人倍率/ }).click();
    const ratios = (await rows.evaluateAll((trs) => trs.map((tr) => Number((tr.children[4] as HTMLElement).innerText)))).filter(Number.isFinite);
    expect([...ratios].sort((a, b) => b - a)).toEqual(ratios);
    await expect(table.locator('th', { hasText: '求人倍率' }).getAttribute('aria-sort')).resolves.toBe('descending');
    // search
    const firstName = await rows.first().locator('td').nth(1).locator('button').innerText();
    await page.fill('#catalog-search', firstName);
    const filtered = await rows.count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThanOrEqual(total);
    for (const text of await rows.locator('td:nth-child(2)').allInnerTexts()) expect(text).toContain(firstName);
    await screenshot(page, 'planner-catalog.png');
    await page.fill('#catalog-search', '');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csvPath = join(artifacts, 'catalog.csv');
    await csvDownload.saveAs(csvPath);
    const csv = readFileSync(csvPath);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toContain('职业');
    expect(lines.length).toBeGreaterThan(1);

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const xlsxPath = join(artifacts, 'catalog.xlsx');
    await xlsxDownload.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).filter(Boolean).map(String);
    expect(header.some((h) => h.includes('职业'))).toBe(true);
    expect(sheet.actualRowCount).toBe(lines.length);
  });

  it('shows the 专栏1 indicators with baseline, target, current and progress', async () => {
    await page.getByRole('tab', { name: '专栏1 指标' }).click();
    const cards = page.getByTestId('indicator-cards');
    await cards.waitFor();
    const text = await cards.innerText();
    for (const word of ['2020 基线', '2025 目标', '当前', '进度', '高技能人才总量']) expect(text).toContain(word);
    await screenshot(page, 'planner-indicators.png');
    await page.getByRole('tab', { name: '短缺概览' }).click();
    await screenshot(page, 'planner.png');
  });

  it('stayed on the origin without errors', () => {
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
