import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs, DEMO_PASSWORD, type Api } from '../harness/api.js';
import { launchBrowser, screenshot, signInAt, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

type Page_ = { items: { id: string; owner_id: string }[]; total?: number };

/**
 * Issue 23's inbound integration, least privilege: the bank's IT administrator gives the Shanghai
 * branch's reporting system a key that reads customers and nothing else, of branch SH001 only, at
 * 120 calls a minute — though the role she gives it is the administrator's. The system then
 * calls the API with it: it sees only SH001's customers, and creating one is refused. In English
 * and in Chinese.
 */
describe('the administrator issues a key scoped to reading one branch’s customers', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let adminApi: Api;
  let pageErrors: string[];
  let key: string;

  const language = (page: Page, name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();
  const rowOf = (locator: Locator) => locator.locator('xpath=ancestor::tr[1]');
  const withKey = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    adminApi = await apiAs(server.url, 'admin', ADMIN_PASSWORD);
    browser = await launchBrowser();
    admin = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    admin.setDefaultTimeout(20_000);
    pageErrors = watchForPageErrors(admin);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates the key with its scope, branch and rate limit, and sees it listed', async () => {
    await signInAt(admin, `${server.url}/designer/admin/api-keys`, 'admin', ADMIN_PASSWORD);
    await admin.waitForURL(/\/designer\/admin\/api-keys$/);
    await admin.getByText('No API keys yet.').waitFor();
    await admin.getByRole('button', { name: 'New API key' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New API key' });
    await dialog.getByLabel('Name', { exact: true }).fill('sh-reporting');
    await dialog.getByRole('checkbox', { name: 'Administrator' }).check();
    await dialog.getByRole('checkbox', { name: 'Narrow this key to chosen entities and operations' }).check();
    await dialog.getByRole('checkbox', { name: 'Read Customer', exact: true }).check();
    await dialog.getByLabel('Data scope', { exact: true }).selectOption('branch');
    await dialog.getByLabel('Branch', { exact: true }).fill('SH001');
    await dialog.getByLabel('Requests per minute', { exact: true }).fill('120');
    await screenshot(admin, '160-api-key-scope-en');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const shown = admin.getByRole('dialog', { name: 'API key sh-reporting' });
    key = await shown.getByLabel('Key').inputValue();
    expect(key).toMatch(/^bfk_/);
    await screenshot(admin, '161-api-key-shown-once-en');
    await shown.getByRole('button', { name: 'Done' }).click();
    const row = rowOf(admin.getByRole('rowheader', { name: 'sh-reporting' }));
    await row.getByText('Customer: Read').waitFor();
    expect(await row.textContent()).toContain('Branch SH001');
    expect(await row.textContent()).toContain('120 a minute');
    await screenshot(admin, '162-api-keys-list-en');

    await language(admin, '中文');
    const zhRow = rowOf(admin.getByRole('rowheader', { name: 'sh-reporting' }));
    await zhRow.getByText('客户：查看').waitFor();
    expect(await zhRow.textContent()).toContain('每分钟 120 次');
    await screenshot(admin, '163-api-keys-list-zh');
    await admin.getByRole('button', { name: '新建 API 密钥' }).click();
    const zhDialog = admin.getByRole('dialog', { name: '新建 API 密钥' });
    await zhDialog.getByRole('checkbox', { name: '将此密钥限定于选定的实体和操作' }).check();
    await zhDialog.getByRole('checkbox', { name: '客户：查看', exact: true }).check();
    await screenshot(admin, '164-api-key-scope-zh');
    await zhDialog.getByRole('button', { name: '取消' }).click();
    await language(admin, 'English');
    expect(pageErrors).toEqual([]);
  });

  it("calls the API with the key: only SH001's customers, and no creating", async () => {
    const seen = await withKey('POST', '/api/records/customer/query', { count: true, limit: 500 });
    expect(seen.status).toBe(200);
    expect(seen.headers.get('ratelimit-limit')).toBe('120');
    const page = seen.body as unknown as Page_;
    expect(page.items.length).toBeGreaterThan(0);
    // The branch manager of SH001 reads her branch's customers: the key sees exactly those.
    const users = (await adminApi('GET', '/api/auth/users')).body as unknown as { id: string; username: string; branch: string | null }[];
    const shanghai = new Set(users.filter((u) => u.branch === 'SH001').map((u) => u.id));
    expect(page.items.every((c) => shanghai.has(c.owner_id))).toBe(true);
    const branchManager = await apiAs(server.url, 'chen_jing', DEMO_PASSWORD);
    const hers = (await branchManager('POST', '/api/records/customer/query', { count: true, limit: 500 })).body as unknown as Page_;
    expect(page.total).toBe(hers.total);
    const everyone = (await adminApi('POST', '/api/records/customer/query', { count: true, limit: 1 })).body as unknown as Page_;
    expect(everyone.total!).toBeGreaterThan(page.total!);

    const refused = await withKey('POST', '/api/records/customer', { name: '试探' });
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    expect((await withKey('POST', '/api/records/loan_application/query', {})).status).toBe(403);
    expect((await withKey('GET', '/api/auth/users')).status).toBe(403);
  });
});
