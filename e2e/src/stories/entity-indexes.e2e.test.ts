import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, signInAt, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

/**
 * Composite indexes, as the bank's administrator declares one for the loan book: a dashboard over
 * a million loans filters by status and date. In the example bank CRM's loan_application entity
 * she adds the index by_status (status, then the creation time, put in order by keyboard), is
 * told when its key is not a valid name, finds neither long text nor encrypted values on offer,
 * saves and publishes: the migration plan builds the index with deleted_at first, and the
 * published entity carries it. In English and in Chinese.
 */
describe('the administrator indexes the loan book by status and date in the entity designer', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  const language = (name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();
  const optionValues = (select: Locator) => select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    pageErrors = watchForPageErrors(page);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds no sensitive (encrypted), long text, JSON or multi-select field of the customer on offer for an index', async () => {
    await signInAt(page, `${server.url}/designer/entity/customer`, 'admin', ADMIN_PASSWORD);
    await page.waitForURL(/\/designer\/entity\/customer$/);
    await page.getByRole('tab', { name: 'Indexes' }).click();
    await page.getByRole('button', { name: 'Add index' }).click();
    const offered = await optionValues(page.getByRole('combobox', { name: 'Field to add to index 1' }));
    for (const key of ['resident_id', 'mobile', 'email', 'notes', 'preferences', 'tags']) expect(offered, key).not.toContain(key);
    expect(offered).toEqual(expect.arrayContaining(['customer_no', 'segment', 'branch', 'aum', 'onboarded_at', 'owner_id']));
    // Undone, the customer's draft is as it was.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByText('No indexes yet.').isVisible()).toBe(true);
  });

  it('adds the index by_status to the loan book: status then created_at, ordered by keyboard; long text is not offered', async () => {
    await page.goto(`${server.url}/designer/entity/loan_application`);
    await page.getByRole('tab', { name: 'Indexes' }).click();
    await expect.poll(() => page.getByText('Indexes speed up reports and dashboards that filter and group many records.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Add index' }).click();
    const key = page.getByRole('textbox', { name: 'Key of index 1' });
    expect(await key.inputValue()).toBe('index_1');

    const choose = page.getByRole('combobox', { name: 'Field to add to index 1' });
    const offered = await optionValues(choose);
    // purpose is long text; neither it nor any encrypted value orders, so neither is offered.
    expect(offered).not.toContain('purpose');
    // Exactly the loan's fields whose values order and are stored in clear, then the system columns.
    const draft = await page.request.get(`${server.url}/api/artifacts/entity/loan_application`);
    const { fields } = ((await draft.json()) as { document: { fields: { key: string; type: string; sensitive?: boolean }[] } }).document;
    const clearAndOrdered = fields.filter((f) => !['longText', 'json', 'multiSelect'].includes(f.type) && f.sensitive !== true).map((f) => f.key);
    expect(offered).toEqual([...clearAndOrdered, 'owner_id', 'created_at', 'updated_at', 'created_by', 'updated_by']);
    expect(await choose.getByRole('option', { name: 'Owner (owner_id)' }).count()).toBe(1);

    // created_at first, then status: the keyboard puts status first.
    await choose.selectOption('created_at');
    await page.getByRole('button', { name: 'Add to index 1' }).click();
    await choose.selectOption('status');
    await page.getByRole('button', { name: 'Add to index 1' }).click();
    await page.getByRole('button', { name: 'Move status up in index 1' }).focus();
    await page.keyboard.press('Enter');
    // The focus stays with status (on its button still enabled), so the analyst can go on by keyboard.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move status down in index 1');
    const rows = page.getByRole('list', { name: /^Fields of index 1/ }).getByRole('listitem');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('(status)'), expect.stringContaining('Created at (created_at)')]);

    // A key with capitals and a space is not a name the database takes: the server says so beside it.
    await key.fill('By Status');
    await page.getByRole('button', { name: 'Save' }).click();
    const keyRow = page.locator('.form-row', { has: key });
    await expect.poll(() => keyRow.locator('.field-errors').isVisible()).toBe(true);
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '110-entity-indexes-problem-en');

    await key.fill('by_status');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByText('Draft saved').isVisible()).toBe(true);
    expect(await key.getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, '111-entity-indexes-en');
    await language('中文');
    await expect.poll(() => page.getByText('索引可加快对大量记录进行筛选和分组的报表和仪表盘。已删除记录总是先被排除。').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '在索引 1 中下移 status' }).isVisible()).toBe(true);
    await screenshot(page, '112-entity-indexes-zh');
    await language('English');
  });

  it('publishes: the migration plan builds the index after deleted_at, and the published entity holds it', async () => {
    await page.getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('Index by_status: deleted_at, status, created_at').isVisible()).toBe(true);
    await screenshot(page, '113-entity-indexes-plan-en');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.getByText(/Published version \d+/).isVisible()).toBe(true);

    const draft = (await (await page.request.get(`${server.url}/api/artifacts/entity/loan_application`)).json()) as { latestVersion: number };
    const published = await page.request.get(`${server.url}/api/artifacts/entity/loan_application?version=${draft.latestVersion}`);
    expect(published.status()).toBe(200);
    const { document } = (await published.json()) as { document: { version: number; indexes?: unknown } };
    expect(document.version).toBe(draft.latestVersion);
    expect(document.indexes).toEqual([{ key: 'by_status', fields: ['status', 'created_at'] }]);

    await language('中文');
    await expect.poll(() => page.getByRole('tab', { name: '索引' }).isVisible()).toBe(true);
    await screenshot(page, '114-entity-indexes-published-zh');
    expect(pageErrors).toEqual([]);
  });
});
