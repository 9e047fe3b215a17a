import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors, signInAt } from '../harness/browser.js';
import { startServer, type RunningServer } from '../harness/server.js';

/**
 * Issue 21, tried as the bank's people: each lands where their role works and is offered only what
 * their roles allow. 王芳 (relationship manager) opens on her customers, with her inbox a click away,
 * and is offered no New on branches; 郑华 (compliance) opens on the audit log and reads customers
 * without Save; 张伟 (credit officer) opens on his inbox. On a phone (390 × 844) 王芳's customers are
 * cards and a customer's form fits the screen. English and Chinese.
 */
describe('role-aware screens: a landing page per role, only the actions the role may take, a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    // 王芳 submits a loan of one of her customers: it waits in the credit officers' inbox, to be claimed.
    const rm = await apiAs(server.url, 'wang_fang', DEMO_PASSWORD);
    const customer = ((await rm('POST', '/api/records/customer/query', { limit: 1 })).body.items as { id: string }[])[0]!.id;
    const loan = await rm('POST', '/api/records/loan_application', {
      customer,
      product: 'consumer',
      amount: { amount: '280000.00', currency: 'CNY' },
      term_months: 36,
      credit_score: 720,
      annual_income: { amount: '160000.00', currency: 'CNY' },
      purpose: 'Shop renovation',
    });
    expect(loan.status, JSON.stringify(loan.body)).toBe(201);
    const started = await rm('POST', '/api/flows/loan_approval/instances', { recordId: loan.body.id });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh browser (no session) of the given size, signed in as `username` from the start page. */
  const signIn = async (username: string, viewport = { width: 1440, height: 900 }, phone = false): Promise<Page> => {
    const context = await browser.newContext({ viewport, ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors.push(...watchForPageErrors(page));
    await signInAt(page, `${server.url}/`, username, DEMO_PASSWORD);
    return page;
  };
  const language = (page: Page, name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();
  const mainNav = (page: Page) => page.getByRole('navigation', { name: /^(Main|主导航)$/ });
  /** A page of the app's menu: in the header, or under More when the header has no room for it (opened by keyboard). */
  const menuLink = async (page: Page, name: string) => {
    const link = mainNav(page).getByRole('link', { name, exact: true });
    if (!(await link.isVisible())) {
      await mainNav(page).getByRole('button', { name: /^(More|更多)$/ }).focus();
      await page.keyboard.press('ArrowDown');
    }
    return link;
  };

  /** Screenshots a stage in English, then in Chinese once `zhReady` says the page reads Chinese, and goes back to English. */
  const bothLanguages = async (page: Page, name: string, zhReady: (page: Page) => Promise<unknown>) => {
    await screenshot(page, `${name}-en`);
    await language(page, '中文');
    await zhReady(page);
    await screenshot(page, `${name}-zh-CN`);
    await language(page, 'English');
  };

  /** How far the page is wider than the screen (0: no sideways scrolling). */
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  /** The visible controls of the page that are smaller than a finger (40 px high or wide), named for the failure message. */
  const smallTargets = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('main a, main button, main select, main input:not([type=checkbox]):not([type=radio]), header a, header button, header select'))
        .filter((element) => element.offsetParent !== null)
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.height < 40 || box.width < 40))
        .map(({ element, box }) => `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`),
    );

  it('opens the relationship manager on her customers, the inbox a click away, with no New on branches', async () => {
    const page = await signIn('wang_fang');
    await page.waitForURL(/\/bank_crm\/customer$/);
    // Her menu starts with what she works on; the inbox is in the header.
    await expect.poll(() => mainNav(page).getByRole('link').first().textContent()).toBe('Customers');
    expect(await page.getByRole('link', { name: /^Inbox/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: 'Customers' }).getByRole('row').count()).toBeGreaterThan(2);
    expect(await page.getByRole('button', { name: 'New', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Export', exact: true }).count()).toBe(1);
    await bothLanguages(page, '80-rm-lands-on-customers', (p) => expect.poll(() => p.getByRole('heading', { name: '客户', level: 1 }).count()).toBe(1));

    // Branches: read only for her, so neither New nor Export is offered (the server would refuse both).
    // Her menu fits the header at 1,440 px: what has no room is under More.
    expect(await page.evaluate(() => document.querySelector('header')!.scrollWidth - document.querySelector('header')!.clientWidth)).toBeLessThanOrEqual(0);
    await (await menuLink(page, 'Branches')).click();
    await page.waitForURL(/\/bank_crm\/branch$/);
    await expect.poll(() => page.getByRole('table', { name: 'Branches' }).getByRole('row').count()).toBeGreaterThan(2);
    expect(await page.getByRole('button', { name: 'New', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Export', exact: true }).count()).toBe(0);
    await bothLanguages(page, '81-rm-branches-no-new', (p) => expect.poll(() => p.getByRole('heading', { name: '网点', level: 1 }).count()).toBe(1));
    expect(pageErrors).toEqual([]);
  });

  it('opens compliance on the audit log, and shows her customers read-only: fields as text, no Save', async () => {
    const page = await signIn('zheng_hua');
    await page.waitForURL(/\/audit$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Audit log', level: 1 }).count()).toBe(1);

    await (await menuLink(page, 'Customers')).click();
    await page.waitForURL(/\/bank_crm\/customer$/);
    const table = page.getByRole('table', { name: 'Customers' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(2);
    // She may export for a review, never create.
    expect(await page.getByRole('button', { name: 'New', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Export', exact: true }).count()).toBe(1);
    await table.getByRole('row').nth(2).click();
    await page.waitForURL(/\/bank_crm\/customer\/[^/]+$/);
    await expect.poll(() => page.getByText('You can read this Customer; your roles do not let you change it.').count()).toBe(1);
    const name = page.getByRole('textbox', { name: /^Name/ });
    expect(await name.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete', exact: true }).count()).toBe(0);
    await bothLanguages(page, '82-compliance-customer-read-only', (p) => expect.poll(() => p.getByText('您可以查看此客户，但您的角色不允许修改。').count()).toBe(1));
    expect(pageErrors).toEqual([]);
  });

  it('opens the credit officer on his inbox', async () => {
    const page = await signIn('zhang_wei');
    await page.waitForURL(/\/inbox$/);
    // 王芳's loan waits for a credit officer to claim it (the tab says how many, once read).
    const toClaim = page.getByRole('tab', { name: /^To claim \([1-9]\d*\)$/ });
    await expect.poll(() => toClaim.count()).toBe(1);
    await toClaim.click();
    await expect.poll(() => page.getByRole('table').getByRole('row').filter({ hasText: '280,000' }).count()).toBeGreaterThan(0);
    // Loan applications lead his menu: that is what he approves.
    expect(await mainNav(page).getByRole('link').first().textContent()).toBe('Loan applications');
    await bothLanguages(page, '83-officer-lands-on-inbox', (p) => expect.poll(() => mainNav(p).getByRole('link').first().textContent()).toBe('贷款申请'));
    expect(pageErrors).toEqual([]);
  });

  it("fits a phone: the RM's customers as cards and a customer's form, without sideways scrolling, with finger-sized controls", async () => {
    const page = await signIn('wang_fang', { width: 390, height: 844 }, true);
    await page.waitForURL(/\/bank_crm\/customer$/);
    const cards = page.getByRole('list', { name: 'Customers' });
    await expect.poll(() => cards.getByRole('link').count()).toBeGreaterThan(2);
    expect(await page.getByRole('table').count()).toBe(0);
    // A card: the customer's title (name · number) and three key fields.
    const first = cards.getByRole('link').first();
    expect(await first.locator('dt').count()).toBe(3);
    expect(await first.locator('.record-card-title').textContent()).toMatch(/ · C\d+/);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await smallTargets(page)).toEqual([]);
    await bothLanguages(page, '84-phone-customer-cards', (p) => expect.poll(() => p.getByRole('list', { name: '客户' }).count()).toBe(1));

    await first.click();
    await page.waitForURL(/\/bank_crm\/customer\/[^/]+$/);
    await expect.poll(() => page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await smallTargets(page)).toEqual([]);
    await bothLanguages(page, '85-phone-customer-form', (p) => expect.poll(() => p.getByRole('button', { name: '保存', exact: true }).count()).toBe(1));

    expect(pageErrors).toEqual([]);
  });

  it("fits the credit officer's inbox on a phone: each task a card, Claim as wide as the card", async () => {
    const page = await signIn('zhang_wei', { width: 390, height: 844 }, true);
    await page.waitForURL(/\/inbox$/);
    const toClaim = page.getByRole('tab', { name: /^To claim \([1-9]\d*\)$/ });
    await expect.poll(() => toClaim.count()).toBe(1);
    await toClaim.click();
    const claim = page.getByRole('button', { name: /^Claim/ }).first();
    await expect.poll(() => claim.count()).toBe(1);
    expect((await claim.boundingBox())!.width).toBeGreaterThan(300);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await smallTargets(page)).toEqual([]);
    await bothLanguages(page, '85-phone-inbox', (p) => expect.poll(() => p.getByRole('button', { name: /^认领/ }).count()).toBeGreaterThan(0));
    expect(pageErrors).toEqual([]);
  });
});
