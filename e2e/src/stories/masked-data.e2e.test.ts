import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

const RM_PASSWORD = 'Zhou-Min-Desk-2026';

/**
 * The security findings of issue 16 as a relationship manager meets them in the example bank CRM:
 * the resident ID is masked down to province, city and the last two characters, the birth date it
 * embeds is masked with it, and the list offers no filter or sort on either, so guesses cannot be
 * tested one count at a time. The same in English and in Chinese.
 */
describe('a relationship manager sees masked personal data that cannot be probed', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  /** Signs in through the API and answers a caller with that session's cookie. */
  const apiAs = (username: string, password: string): Promise<Api> => apiAsOn(server.url, username, password);

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm' });
    const admin = await apiAs('admin', ADMIN_PASSWORD);
    const created = await admin('POST', '/api/auth/users', { username: 'zhou_min', displayName: '周敏', branch: 'SH', roles: ['relationship_manager'], password: RM_PASSWORD });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const rm = await apiAs('zhou_min', RM_PASSWORD);
    const branches = await rm('POST', '/api/records/branch/query', { limit: 1 });
    const branch = (branches.body.items as { id: string }[])[0]!.id;
    const customer = await rm('POST', '/api/records/customer', {
      customer_no: 'C9900000001',
      name: '李佳',
      customer_type: 'individual',
      onboarded_at: '2026-11-23T09:00:00Z',
      segment: 'mass',
      branch,
      resident_id: '110105200002290013',
      birth_date: '2000-02-29',
      mobile: '13812345678',
    });
    expect(customer.status, JSON.stringify(customer.body)).toBe(201);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
    pageErrors = watchForPageErrors(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the ID and the birth date it embeds masked, with no filter or sort on them', async () => {
    await page.goto(`${server.url}/bank_crm/customer`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Username').fill('zhou_min');
    await page.getByLabel('Password').fill(RM_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').filter({ hasText: '李佳' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Date of birth' }).check();
    await page.getByRole('button', { name: 'Columns' }).click();
    const row = table.getByRole('row').filter({ hasText: '李佳' });
    await expect.poll(() => row.textContent()).toContain('1101************13');
    expect(await row.textContent()).toContain('2*********');
    expect(await row.textContent()).not.toContain('2000-02-29');
    // Names can be searched; the masked ID and birth date offer no filter and no sort.
    expect(await page.getByLabel('Filter Name').count()).toBe(1);
    expect(await page.getByLabel('Filter Resident ID number').count()).toBe(0);
    expect(await page.getByLabel('Filter Date of birth').count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: /Resident ID number/ }).getByRole('button').count()).toBe(0);
    await screenshot(page, '11-rm-list-masked-en');

    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: /居民身份证号/ }).count()).toBe(1);
    expect(await page.getByLabel(/筛选.*居民身份证号|居民身份证号.*筛选/).count()).toBe(0);
    await screenshot(page, '12-rm-list-masked-zh');

    await row.click();
    const idBox = page.getByLabel(/^居民身份证号/);
    await expect.poll(() => idBox.inputValue()).toBe('1101************13');
    // A date box could not hold the mask: the birth date shows as read-only text, never as empty.
    const birthBox = page.getByLabel(/^出生日期/);
    expect(await birthBox.inputValue()).toBe('2*********');
    expect(await birthBox.getAttribute('readonly')).not.toBeNull();
    await screenshot(page, '13-rm-record-masked-zh');
    expect(pageErrors).toEqual([]);
  });
});
