import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from './support/accounts';
import { openJourney, screenshot, signIn, waitForMapKey, type WatchedPage } from './support/browser';

/**
 * 企业, signed in as the demo enterprise: paste an advert → classified occupation and skills →
 * ranked, explained candidates on the map by district.
 */

const baseUrl = inject('baseUrl');
const ADVERT = '诚聘电焊工2名：会二保焊、氩弧焊，能看懂图纸，持焊工证，三年以上钢结构焊接经验，工作地点苏州吴中区，月薪8000-12000。';
let browser: Browser;
let w: WatchedPage;
let page: Page;

beforeAll(async () => {
  ({ browser, watched: w } = await openJourney(baseUrl, '/enterprise'));
  page = w.page;
  await signIn(page, DEMO_ACCOUNTS.enterprise);
  expect(new URL(page.url()).pathname).toBe('/enterprise');
});

afterAll(async () => {
  await browser?.close().catch(() => {});
});

describe('enterprise journey', () => {
  it('classifies a pasted advert into an occupation and editable skill chips', async () => {
    await page.getByTestId('advert-text').fill(ADVERT);
    await page.getByTestId('classify').click();
    const result = page.getByTestId('classify-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain('焊工');
    const chips = page.getByTestId('skill-chips').locator('[data-chip]');
    await chips.first().waitFor();
    const names = await chips.allInnerTexts();
    expect(names.join(' ')).toContain('熔化极气体保护焊');
    expect(new URL(page.url()).searchParams.get('vocc')).toBe('6-18-02-04');
    // edit: remove the last chip with the keyboard, then add one back through the search box
    const before = await chips.count();
    await chips.last().focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => chips.count()).toBe(before - 1);
    const add = page.getByTestId('add-skill').getByRole('combobox');
    await add.fill('焊缝');
    await page.getByTestId('add-skill').getByRole('option').first().waitFor();
    await add.press('ArrowDown');
    await add.press('Enter');
    await expect.poll(() => chips.count()).toBe(before);
  });

  it('ranks candidates near the workplace with score breakdowns and matched / missing skills', async () => {
    await page.selectOption('#v-place', '320506');
    await page.selectOption('#v-radius', '30');
    await page.selectOption('#v-grade', '3');
    const cards = page.getByTestId('candidate');
    await cards.first().waitFor({ timeout: 20_000 });
    await waitForMapKey(page, /^candidates\|\d+$/);
    expect(await cards.count()).toBeGreaterThan(3);
    const first = await cards.first().innerText();
    expect(first).toMatch(/人才 P[A-Z2-7]{7}/);
    // a distance band around the chosen point, never a figure
    expect(first).toMatch(/(≤5 公里|5–10 公里|10–20 公里|20–50 公里)/);
    expect(first).not.toMatch(/约 \d/);
    expect(first).toContain('技能画像相似度');
    expect(first).toContain('所需技能覆盖');
    expect(first).toContain('已具备');
    // pseudonymous, district only
    expect(first).not.toMatch(/1[3-9]\d{9}/);
    expect(first).toMatch(/区|市|县/);
    // ranked by score
    const scores = await page.locator('.candidate__score').allInnerTexts();
    const numbers = scores.map((s) => Number(s.replace('%', '')));
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    const legend = await page.getByTestId('map-legend').innerText();
    expect(legend).toContain('匹配人才');
    expect(legend).toContain('少于 5 人');
    const url = new URL(page.url());
    expect(url.searchParams.get('place')).toBe('320506');
    expect(url.searchParams.get('r')).toBe('30');
    expect(url.searchParams.get('mg')).toBe('3');
  });

  it("shows the programs that would close a candidate's gap", async () => {
    const withGap = page.getByTestId('show-programs').first();
    if ((await withGap.count()) === 0) return; // every candidate fully covers the skills
    await withGap.click();
    const programs = page.getByTestId('gap-programs').first();
    await programs.waitFor({ timeout: 15_000 });
    await expect(programs.innerText()).resolves.toContain('覆盖');
    await withGap.scrollIntoViewIfNeeded();
    await screenshot(page, 'enterprise-gap-programs.png');
  });

  it('takes the workplace from a click on the map', async () => {
    await page.getByTestId('pick-on-map').click();
    const map = page.getByTestId('map');
    const box = await map.boundingBox();
    await page.mouse.click(box!.x + box!.width * 0.5, box!.y + box!.height * 0.5);
    await expect.poll(() => new URL(page.url()).searchParams.get('at')).toMatch(/^\d+\.\d+,\d+\.\d+$/);
    expect(new URL(page.url()).searchParams.get('place')).toBeNull();
    await page.getByTestId('candidate').first().waitFor({ timeout: 20_000 });
    await page.locator('#results-title').scrollIntoViewIfNeeded();
    await page.goBack(); // back to the district
    await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe('320506');
    await page.getByTestId('candidate').first().waitFor({ timeout: 20_000 });
    await page.evaluate(() => document.getElementById('panel')?.scrollTo(0, 560));
    await screenshot(page, 'enterprise.png');
  });

  it('stayed on the origin without errors', () => {
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
