import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from './support/accounts';
import { launch, openPage, screenshot, signIn, waitForMap, type WatchedPage } from './support/browser';

/**
 * Accounts and personal information, across roles: an enterprise asks to contact a candidate (a
 * distance band, a pseudonym, the request pending), the provincial planner forwards it from its
 * inbox, the enterprise sees it forwarded, the admin's audit log shows the search and the
 * request; a planner publishes the catalogue and an anonymous visitor reads that publication.
 */

const baseUrl = inject('baseUrl');
const VACANCY = '/enterprise?vocc=6-18-02-04&mg=3&place=320506&r=30';
const MESSAGE = '我司招聘焊工，月薪9000元起，请联系人事部（e2e）';
const TITLE = `e2e 发布的紧缺职业目录 ${Date.now()}`;
let browser: Browser;
const pages: WatchedPage[] = [];
/** The pseudonym (as the enterprise sees it) of the candidate it asked to contact. */
let talentId = '';

/** A fresh page (its own cookies) at a path, signed in as `username` unless null. */
async function open(path: string, username: string | null): Promise<Page> {
  const watched = await openPage(browser, baseUrl);
  pages.push(watched);
  await watched.page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  if (!path.startsWith('/audit')) await waitForMap(watched.page);
  if (username) await signIn(watched.page, username);
  return watched.page;
}

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close().catch(() => {});
});

describe('contact requests, audit log and published catalogue', () => {
  let enterprise: Page;

  it('shows the enterprise candidates with a distance band, and posts a contact request that is pending', async () => {
    enterprise = await open(VACANCY, DEMO_ACCOUNTS.enterprise);
    const card = enterprise.getByTestId('candidate').first();
    await card.waitFor({ timeout: 20_000 });
    const text = await card.innerText();
    expect(text).toMatch(/(≤5 公里|5–10 公里|10–20 公里|20–50 公里|50 公里以上)/);
    expect(text).not.toMatch(/\d+\.\d+\s*(公里|km)/i);
    expect(text).not.toMatch(/\d\s*km/i);
    talentId = (await card.locator('[data-talent-id]').getAttribute('data-talent-id')) ?? '';
    expect(talentId).toMatch(/^P[A-Z2-7]{26}$/);

    await card.getByTestId('request-contact').click();
    const form = card.getByTestId('contact-form');
    await expect(form.innerText()).resolves.toContain('公共就业服务机构转介');
    await form.getByTestId('contact-message').fill(MESSAGE);
    await form.getByTestId('contact-purpose').fill('招聘焊工');
    await form.getByTestId('contact-submit').click();
    await card.getByTestId('contact-status').filter({ hasText: '待处理' }).waitFor();

    const mine = enterprise.getByTestId('my-contact-request').filter({ hasText: MESSAGE });
    await mine.waitFor();
    await expect(mine.getAttribute('data-talent-id')).resolves.toBe(talentId);
    await expect(mine.getByTestId('contact-status').getAttribute('data-status')).resolves.toBe('pending');
    await mine.scrollIntoViewIfNeeded();
    await screenshot(enterprise, 'contact-request-pending.png');
  });

  it('lets the planner forward it from its inbox, with a note, and never shows the enterprise an identity', async () => {
    const planner = await open('/planner?tab=requests', DEMO_ACCOUNTS.planner);
    const request = planner.getByTestId('inbox-request').filter({ hasText: MESSAGE });
    await request.waitFor({ timeout: 15_000 });
    await expect(request.getAttribute('data-status')).resolves.toBe('pending');
    // the planner sees the talent by its own pseudonym, not the enterprise's
    expect(await request.innerText()).not.toContain(talentId.slice(0, 8));
    await request.getByTestId('inbox-note').fill('已电话告知本人');
    await request.getByTestId('inbox-forwarded').click();
    await expect.poll(() => request.getAttribute('data-status')).toBe('forwarded');
    await expect(request.innerText()).resolves.toContain('已电话告知本人');
    await screenshot(planner, 'contact-inbox.png');
  });

  it('shows the enterprise the request as forwarded', async () => {
    await enterprise.reload();
    await waitForMap(enterprise);
    const mine = enterprise.getByTestId('my-contact-request').filter({ hasText: MESSAGE });
    await mine.waitFor({ timeout: 15_000 });
    await expect(mine.getByTestId('contact-status').getAttribute('data-status')).resolves.toBe('forwarded');
    await expect(mine.innerText()).resolves.toContain('已转介');
    expect(await mine.innerText()).not.toMatch(/1[3-9]\d{9}/);
  });

  it('shows the admin the candidate search and the contact request in the audit log, filtered by account', async () => {
    const admin = await open('/planner', DEMO_ACCOUNTS.admin);
    await admin.getByTestId('nav-audit').click();
    expect(new URL(admin.url()).pathname).toBe('/audit');
    const table = admin.getByTestId('audit-table');
    await table.waitFor({ timeout: 15_000 });
    await admin.getByTestId('audit-account').fill(DEMO_ACCOUNTS.enterprise);
    const rows = table.getByTestId('audit-row');
    await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.includes(DEMO_ACCOUNTS.enterprise))).toBe(true);
    await rows.and(admin.locator('[data-action="contact-request"]')).first().waitFor();
    await rows.and(admin.locator('[data-action="candidate-search"]')).first().waitFor();
    const request = await rows.and(admin.locator('[data-action="contact-request"]')).first().innerText();
    expect(request).toContain('招聘焊工');
    expect(request).toContain(talentId.slice(0, 8));
    await screenshot(admin, 'audit-log.png');
  });

  it('keeps the audit log from other accounts', async () => {
    const planner = await open('/audit', null);
    await planner.getByTestId('login-prompt').waitFor();
    expect(await planner.getByTestId('audit-table').count()).toBe(0);
    await signIn(planner, DEMO_ACCOUNTS.plannerSuzhou);
    // a planner lands on its own map, with no 审计日志 link; the page itself says it is the admin's
    expect(new URL(planner.url()).pathname).toBe('/planner');
    expect(await planner.getByTestId('nav-audit').count()).toBe(0);
    await planner.goto(`${baseUrl}/audit`, { waitUntil: 'load' });
    await planner.getByTestId('login-prompt').filter({ hasText: '当前账号不能查看审计日志' }).waitFor();
    expect(await planner.getByTestId('audit-table').count()).toBe(0);
  });

  it('lets a planner publish the catalogue; an anonymous visitor then reads that publication', async () => {
    const planner = await open('/planner?tab=catalog', DEMO_ACCOUNTS.planner);
    const publish = planner.getByTestId('catalog-publish');
    await publish.waitFor({ timeout: 15_000 });
    await expect(planner.getByTestId('catalog-source').innerText()).resolves.toContain('精确数据（规划人员）');
    await publish.getByTestId('publish-title').fill(TITLE);
    await publish.getByTestId('publish-submit').click();
    await publish.getByText(/^已发布：/).waitFor({ timeout: 15_000 });
    await planner.getByTestId('publication').first().filter({ hasText: TITLE }).waitFor();

    const visitor = await open('/planner?tab=catalog', null);
    const source = visitor.getByTestId('catalog-source');
    await source.waitFor({ timeout: 15_000 });
    const text = await source.innerText();
    expect(text).toContain(TITLE);
    expect(text).toMatch(/\d{4} 年度，发布于 \d{4}-\d{2}-\d{2}/);
    expect(text).toContain('小数保护：少于5人不显示，其余按5取整');
    expect(await visitor.getByTestId('catalog-publish').count()).toBe(0);
    await screenshot(visitor, 'catalog-published.png');
  });

  it('stayed on the origin without errors', () => {
    for (const w of pages) {
      expect(w.pageErrors).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
      expect(w.foreignRequests).toEqual([]);
    }
  });
});
