import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors, signInAt } from '../harness/browser.js';
import { startServer, type RunningServer } from '../harness/server.js';

type Page1 = { items: { id: string; name: string; owner_id: string }[]; total?: number };

/**
 * Issue 21, ownership: the example's customers belong to RMs of their branch. The Shanghai branch
 * manager hands two of 王芳's customers to 李强 from the customer list, with a reason; they leave
 * 王芳's book and arrive in 李强's with their loans and contacts; an RM is offered no transfer.
 */
describe('a branch manager transfers customers between relationship managers', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let wang: Api;
  let li: Api;
  const apiAs = (username: string): Promise<Api> => apiAsOn(server.url, username, DEMO_PASSWORD);

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    wang = await apiAs('wang_fang');
    li = await apiAs('li_qiang');
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors = watchForPageErrors(page);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signIn = async (username: string) => {
    await signInAt(page, `${server.url}/bank_crm/customer`, username, DEMO_PASSWORD);
  };

  it("moves two of 王芳's customers to 李强 with a reason, from the list", async () => {
    const before = await wang('POST', '/api/records/customer/query', { count: true, sort: [{ field: 'name' }], fields: ['name'], limit: 2 });
    const [first, second] = (before.body as unknown as Page1).items;
    const wangTotal = (before.body as unknown as Page1).total!;
    const liTotal = ((await li('POST', '/api/records/customer/query', { count: true, limit: 1 })).body as unknown as Page1).total!;
    expect(wangTotal).toBeGreaterThan(5);

    await signIn('chen_jing');
    const table = page.getByRole('table');
    // The first from the list: found by name, its row's box ticked (the row is not opened).
    await page.getByLabel('Filter Name').fill(first!.name);
    // The list narrows once typing settles: the header, the filter row and the matches.
    await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBeLessThan(6);
    const row = table.getByRole('row').filter({ hasText: first!.name }).first();
    await expect.poll(() => row.getByRole('checkbox', { name: /^Select / }).count(), { timeout: 10_000 }).toBe(1);
    await row.getByRole('checkbox').check();
    await expect.poll(() => page.getByText('1 selected').count(), { timeout: 10_000 }).toBe(1);
    expect(page.url()).toMatch(/\/bank_crm\/customer$/);
    await page.getByRole('button', { name: 'Transfer 1 record…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer to another owner' });
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await expect.poll(() => dialog.getByRole('alert').first().textContent()).toBe('Choose the new owner.');
    await dialog.getByRole('combobox', { name: 'New owner' }).pressSequentially('li_q');
    await screenshot(page, '78-transfer-people-en');
    await dialog.getByRole('option', { name: /李强 · li_qiang/ }).click();
    await dialog.getByLabel('Reason').fill('王芳调往浦东支行，客户移交李强');
    await screenshot(page, '78-transfer-dialog-en');
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await expect.poll(() => page.getByText('Transferred to 李强.').count(), { timeout: 10_000 }).toBe(1);

    // The second one from its record page, in Chinese.
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await page.getByLabel(/筛选.*客户名称|客户名称.*筛选/).fill(second!.name);
    await table.getByRole('row').filter({ hasText: second!.name }).first().click();
    await page.getByRole('button', { name: '转移负责人…' }).click();
    const zh = page.getByRole('dialog', { name: '转移给其他负责人' });
    await zh.getByRole('combobox', { name: '新负责人' }).pressSequentially('li_q');
    await zh.getByRole('option', { name: /李强 · li_qiang/ }).click();
    await zh.getByLabel('转移原因').fill('客户经理调岗');
    await screenshot(page, '79-transfer-dialog-zh');
    await zh.getByRole('button', { name: '确认转移' }).click();
    await expect.poll(() => page.getByText(/已转移给李强。/).count(), { timeout: 10_000 }).toBe(1);

    // 王芳's book is two smaller and 李强's two larger; the loans went along.
    const after = ((await wang('POST', '/api/records/customer/query', { count: true, limit: 1 })).body as unknown as Page1).total!;
    const liAfter = ((await li('POST', '/api/records/customer/query', { count: true, limit: 1 })).body as unknown as Page1).total!;
    expect([after, liAfter]).toEqual([wangTotal - 2, liTotal + 2]);
    expect((await li('GET', `/api/records/customer/${first!.id}`)).status).toBe(200);
    expect((await wang('GET', `/api/records/customer/${first!.id}`)).status).toBe(404);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('offers a relationship manager no transfer', async () => {
    await context.clearCookies();
    await signIn('wang_fang');
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    expect(await table.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Transfer|转移/ }).count()).toBe(0);
  });
});
