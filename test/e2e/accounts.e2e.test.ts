import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './support/accounts';
import { openJourney, screenshot, signIn, signOut, waitForMap, type WatchedPage } from './support/browser';

/**
 * Accounts in the browser: the anonymous visitor's login prompt on the enterprise journey (and
 * no refused requests), the demo accounts in the banner, a wrong password, signing in (the
 * header shows who), landing by role, and signing out.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
let w: WatchedPage;
let page: Page;
/** Answers 401/403 the page received, as "status path". */
const refused: string[] = [];
/** Paths of the candidate searches the page asked for. */
const candidateRequests: string[] = [];

beforeAll(async () => {
  ({ browser, watched: w } = await openJourney(baseUrl, '/enterprise'));
  page = w.page;
  page.on('response', (r) => {
    if (r.status() === 401 || r.status() === 403) refused.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/match/candidates') candidateRequests.push(r.method());
  });
});

afterAll(async () => {
  await browser?.close().catch(() => {});
});

describe('accounts', () => {
  it('asks an anonymous visitor of the enterprise journey to sign in, and asks the server nothing it would refuse', async () => {
    const prompt = page.getByTestId('login-prompt');
    await prompt.waitFor();
    await expect(prompt.innerText()).resolves.toContain('请登录（企业账号）');
    await expect(page.getByTestId('login-open').isVisible()).resolves.toBe(true);
    // the public part still works: an advert is classified without an account
    await page.getByTestId('advert-text').fill('招聘焊工3名：熟练掌握二保焊、氩弧焊，能看懂图纸，持有焊工证。');
    await page.getByTestId('classify').click();
    await page.getByTestId('classify-result').waitFor();
    await page.getByTestId('skill-chips').locator('[data-chip]').first().waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByTestId('candidates').count()).toBe(0);
    expect(candidateRequests).toEqual([]);
    // the one refusal is GET /api/auth/me answering "nobody is signed in"
    expect(refused.filter((r) => r !== '401 /api/auth/me')).toEqual([]);
    await screenshot(page, 'accounts-anonymous-enterprise.png');
  });

  it('lists the demo accounts in the banner, with labels and never a password', async () => {
    const banner = page.getByTestId('demo-accounts');
    await banner.waitFor();
    const text = await banner.innerText();
    for (const username of Object.values(DEMO_ACCOUNTS)) expect(text).toContain(username);
    expect(text).toContain('DEMO_PASSWORD');
    expect(text).not.toContain(DEMO_PASSWORD);
  });

  it('answers a wrong password with a message that names neither field', async () => {
    await page.getByTestId('login-open').click();
    await page.getByTestId('login-username').fill(DEMO_ACCOUNTS.plannerSuzhou);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').innerText()).resolves.toBe('用户名或密码错误');
    await page.keyboard.press('Escape');
    await page.getByTestId('login-dialog').waitFor({ state: 'detached' });
    await expect(page.getByTestId('login-open').isVisible()).resolves.toBe(true);
  });

  it('signs a city planner in: the header shows who, role and scope, and the map opens on the city', async () => {
    await signIn(page, DEMO_ACCOUNTS.plannerSuzhou);
    const who = await page.getByTestId('session-user').innerText();
    expect(who).toContain('planner-suzhou');
    expect(who).toContain('规划者');
    expect(who).toContain('苏州市');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/planner');
    expect(url.searchParams.get('city')).toBe('320500');
    await screenshot(page, 'accounts-signed-in.png');
    // the session outlives a reload (an httpOnly cookie)
    await page.reload();
    await waitForMap(page);
    await expect(page.getByTestId('session-user').innerText()).resolves.toContain('planner-suzhou');
  });

  it('signs out, and stays signed out after a reload', async () => {
    await signOut(page);
    await expect(page.getByTestId('session').count()).resolves.toBe(0);
    await page.reload();
    await waitForMap(page);
    await page.getByTestId('login-open').waitFor();
    expect(await page.getByTestId('session-user').count()).toBe(0);
  });

  it('lands an enterprise account on the enterprise journey with its results, and shows the prompt again after signing out', async () => {
    await signIn(page, DEMO_ACCOUNTS.enterprise);
    expect(new URL(page.url()).pathname).toBe('/enterprise');
    await expect(page.getByTestId('session-user').innerText()).resolves.toContain('企业');
    await page.getByTestId('candidates').waitFor();
    expect(await page.getByTestId('login-prompt').count()).toBe(0);
    await signOut(page);
    await page.getByTestId('login-prompt').waitFor();
    expect(await page.getByTestId('candidates').count()).toBe(0);
  });

  it('reported no errors but the expected refusals', () => {
    expect(w.pageErrors).toEqual([]);
    // the wrong password's 401 is the one console error left
    expect(w.consoleErrors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    expect(refused.filter((r) => r !== '401 /api/auth/me' && r !== '401 /api/auth/login')).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
  });
});
