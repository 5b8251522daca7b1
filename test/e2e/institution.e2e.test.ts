import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from './support/accounts';
import { openJourney, screenshot, signIn, waitForMapKey, type WatchedPage } from './support/browser';

/**
 * 院校: the public list of institutions (search, filter, keyboard), then signed in as the demo
 * institution: its own 专业与产业吻合度, ranked course recommendations, near-match talents on the map.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
let w: WatchedPage;
let page: Page;

beforeAll(async () => {
  ({ browser, watched: w } = await openJourney(baseUrl, '/institution'));
  page = w.page;
});

afterAll(async () => {
  await browser?.close().catch(() => {});
});

describe('institution journey', () => {
  it('lists institutions that can be searched and filtered by kind, and asks for an account to analyse one', async () => {
    const picker = page.getByTestId('institution-picker');
    await picker.waitFor({ timeout: 20_000 });
    const items = picker.locator('.inst-item');
    await items.first().waitFor();
    const all = await items.count();
    expect(all).toBeGreaterThan(10);
    await page.selectOption('#inst-kind', 'technical_school');
    const schools = await items.count();
    expect(schools).toBeGreaterThan(0);
    expect(schools).toBeLessThan(all);
    for (const meta of await picker.locator('.inst-item__meta').allInnerTexts()) expect(meta).toContain('技工院校');
    // keyboard: focus the first, arrow down, Enter chooses
    await items.first().focus();
    await page.keyboard.press('ArrowDown');
    const chosen = await page.evaluate(() => (document.activeElement as HTMLElement).querySelector('.inst-item__name')?.textContent);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).searchParams.get('inst')).toMatch(/^\d+$/);
    // anonymous: the chosen institution's name and the login prompt, no analysis asked for
    await expect(page.locator('.inst-header h2').innerText()).resolves.toBe(chosen);
    await expect(page.getByTestId('login-prompt').innerText()).resolves.toContain('请登录（院校账号）');
    expect(await page.getByTestId('institution-fit').count()).toBe(0);
  });

  it('signs the demo institution in and shows its own institution, whatever was chosen', async () => {
    const accounts = (await (await fetch(`${baseUrl}/api/auth/demo-accounts`)).json()) as { items: { username: string; scope: { institutionId?: number } }[] };
    const own = accounts.items.find((a) => a.username === DEMO_ACCOUNTS.institution)!.scope.institutionId!;
    const list = (await (await fetch(`${baseUrl}/api/institutions?limit=5000`)).json()) as { items: { id: number; name: string }[] };
    const name = list.items.find((i) => i.id === own)!.name;
    await signIn(page, DEMO_ACCOUNTS.institution, { from: 'prompt' });
    await page.getByTestId('institution-fit').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('institution-fit').locator('h2').innerText()).resolves.toBe(name);
    await expect(page.getByTestId('session-user').innerText()).resolves.toContain(name);
    expect(new URL(page.url()).pathname).toBe('/institution');
    expect(new URL(page.url()).searchParams.get('inst')).toBe(String(own));
    expect(await page.getByTestId('institution-picker').count()).toBe(0);
  });

  it("shows each program's 专业与产业吻合度 with its parts and ranked recommendations", async () => {
    const fit = page.getByTestId('institution-fit');
    await expect(fit.innerText()).resolves.toContain('平均专业与产业吻合度');
    const programs = page.getByTestId('program-fits');
    if ((await programs.count()) > 0) {
      const text = await programs.innerText();
      expect(text).toContain('吻合度');
      expect(text).toContain('本地产业链需求');
      expect(text).toContain('课程与职业技能契合');
    }
    const recs = page.getByTestId('recommendations').locator('.rec');
    expect(await recs.count()).toBeGreaterThan(0);
    const first = await recs.first().innerText();
    expect(first).toContain('短缺指数');
    expect(first).toContain('可转化人才');
    await waitForMapKey(page, /^near\|\d+\|/);
    if ((await recs.count()) > 1) {
      await recs.nth(1).click();
      const code = new URL(page.url()).searchParams.get('rec');
      expect(code).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
      await waitForMapKey(page, new RegExp(`^near\\|\\d+\\|${code!.replace(/-/g, '\\-')}$`));
    }
    await expect(page.getByTestId('map-legend').innerText()).resolves.toContain('可转化人才');
  });

  it('shows institutions and 实训基地 as symbols when the layer is on', async () => {
    await page.getByTestId('layer-switches').getByLabel('院校与实训基地').check();
    await expect(page.getByTestId('map-legend').innerText()).resolves.toContain('实训基地');
    await page.waitForTimeout(500);
    await screenshot(page, 'institution.png');
  });

  it('stayed on the origin without errors', () => {
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
