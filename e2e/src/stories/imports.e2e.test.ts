import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors, signInAt } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

type Customer = { id: string; name: string; resident_id: string | null; segment: string; notes?: string | null; version: number };
type RoleDoc = { key: string; entities?: Record<string, Record<string, unknown>> };

const NOTES = '2026 年度客户复核：资产上升，已回访';
/** A file of new customers: its headers are the fields' keys. */
const NEW_CUSTOMER_HEADERS = ['customer_no', 'name', 'customer_type', 'segment', 'kyc_status', 'branch', 'onboarded_at'];

/**
 * Issue 23, bulk import: IT grants the relationship managers' role the import right; 王芳 uploads
 * a CSV with Chinese headers whose resident IDs are those of three of her customers. The columns
 * map themselves by their Chinese labels; she matches rows by resident ID and, as the page names the
 * columns a new customer would need and her file lacks, skips rows that match none; the dry run says two
 * customers will be updated and shows the one row whose mobile is not a mobile number, writing
 * nothing. She runs it in Chinese, the server's progress reaches done, and the customer's record
 * page shows the new value. Later she imports new customers twice; IT rolls both imports back from
 * the designer's Imports page, in English and in Chinese, and the customers are gone.
 */
describe('an RM imports a CSV that updates her customers found by resident ID', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Api;
  let wang: Api;
  let page: Page;
  let dir: string;
  let csv: string;
  let mine: Customer[];
  /** The import page with its job (`?job=`), to come back to. */
  let importUrl: string;
  const errors: string[][] = [];

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    admin = await apiAs(server.url, 'admin', ADMIN_PASSWORD);
    // IT grants the RMs' role the import right on customers (their book: own scope, as for create and update).
    const roles = (await admin('GET', '/api/auth/roles')).body as unknown as RoleDoc[];
    const rm = roles.find((r) => r.key === 'relationship_manager')!;
    rm.entities!.customer = { ...rm.entities!.customer, import: 'own' };
    expect((await admin('PUT', '/api/auth/roles/relationship_manager', rm)).status).toBe(200);
    wang = await apiAs(server.url, 'wang_fang', DEMO_PASSWORD);
    // Three of her individual customers, their resident IDs read in clear by the administrator (the RM sees them masked).
    const users = (await admin('GET', '/api/auth/users')).body as unknown as { id: string; username: string }[];
    const wangId = users.find((u) => u.username === 'wang_fang')!.id;
    const found = (await admin('POST', '/api/records/customer/query', {
      filter: { and: [{ field: 'owner_id', op: 'eq', value: wangId }, { field: 'customer_type', op: 'eq', value: 'individual' }] },
      fields: ['name', 'resident_id', 'segment', 'notes'],
      limit: 3,
    })).body as unknown as { items: Customer[] };
    mine = found.items;
    expect(mine.length).toBe(3);
    expect(mine.every((c) => c.resident_id)).toBe(true);
    const other = (segment: string): string => (segment === 'affluent' ? '大众客户' : '财富客户');
    dir = mkdtempSync(join(tmpdir(), 'bankforge-import-'));
    csv = join(dir, '客户复核.csv');
    writeFileSync(
      csv,
      [
        '客户名称,居民身份证号,手机号,客户分层,备注',
        `${mine[0]!.name},${mine[0]!.resident_id},,${other(mine[0]!.segment)},${NOTES}`,
        `${mine[1]!.name},${mine[1]!.resident_id},,${other(mine[1]!.segment)},${NOTES}`,
        `${mine[2]!.name},${mine[2]!.resident_id},1234,,${NOTES}`,
      ].join('\r\n'),
    );
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    errors.push(watchForPageErrors(page));
    await signInAt(page, `${server.url}/bank_crm/customer`, 'wang_fang', DEMO_PASSWORD);
    await page.getByRole('table').waitFor();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('王芳 uploads the file, the Chinese headers map themselves, and the dry run finds her customers by resident ID', async () => {
    await page.getByRole('link', { name: 'Import…' }).click();
    await page.getByRole('heading', { name: 'Import Customers' }).waitFor();
    await screenshot(page, '150-import-page-en');
    await page.getByLabel('CSV or XLSX file').setInputFiles(csv);
    // The page's own button (not the browser's "Choose File"), and the file it holds.
    await page.getByRole('button', { name: 'Choose another file…' }).waitFor();
    await page.getByRole('button', { name: 'Upload' }).click();
    const mapped = async (header: string): Promise<string> => page.getByRole('combobox', { name: `Field for column ${header}` }).inputValue();
    await page.getByRole('combobox', { name: 'Field for column 居民身份证号' }).waitFor();
    expect([await mapped('客户名称'), await mapped('居民身份证号'), await mapped('手机号'), await mapped('客户分层'), await mapped('备注')]).toEqual(['name', 'resident_id', 'mobile', 'segment', 'notes']);
    // Rows are matched by resident ID (chosen with the keyboard: a native select), updated when found.
    const by = page.getByRole('combobox', { name: 'Match rows to records by' });
    await by.focus();
    await by.selectOption({ label: 'Resident ID number' });
    expect(await page.getByRole('combobox', { name: 'When a row matches a record' }).inputValue()).toBe('update');
    // Her file has no customer number, branch or onboarding time: the page names them, as required to create customers, and
    // holds the dry run back; her rows are all her customers, so rows that match none are skipped.
    const dryRun = page.getByRole('button', { name: 'Dry run' });
    await page.getByText(/^No column maps to Customer number, Branch,? and Onboarded at \(required\)/).waitFor();
    expect(await dryRun.isDisabled()).toBe(true);
    await page.getByRole('combobox', { name: 'When a row matches none' }).selectOption('skip');
    expect(await page.getByText(/^No column maps to/).count()).toBe(0);
    expect(await dryRun.isEnabled()).toBe(true);
    await screenshot(page, '151-import-mapping-en');

    const before = ((await wang('POST', '/api/records/customer/query', { filter: { field: 'id', op: 'in', value: mine.map((c) => c.id) }, fields: ['segment', 'notes'] })).body as unknown as { items: Customer[] }).items;
    await page.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Done: 3 rows' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('heading', { name: 'Dry run: nothing was written' }).count()).toBe(1);
    expect(await page.getByText('2 to update', { exact: true }).count()).toBe(1);
    expect(await page.getByText('1 with errors', { exact: true }).count()).toBe(1);
    const problems = page.getByRole('table', { name: 'Rows with errors' });
    await problems.waitFor();
    const cells = await problems.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('Mobile');
    expect(cells[2]).toContain('11-digit');
    // Nothing written.
    const after = ((await wang('POST', '/api/records/customer/query', { filter: { field: 'id', op: 'in', value: mine.map((c) => c.id) }, fields: ['segment', 'notes'] })).body as unknown as { items: Customer[] }).items;
    expect(after).toEqual(before);
    // The recent imports say the dry run finished (they were read again as it ended).
    await expect.poll(() => page.getByRole('navigation', { name: 'Your recent imports' }).getByText('dry run done', { exact: true }).count()).toBe(1);
    await screenshot(page, '152-import-dry-run-en');
    expect(errors.flat()).toEqual([]);
  });

  it('she runs it in Chinese: the progress reaches done and the customer shows the new value', async () => {
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '导入客户' }).waitFor();
    await page.getByRole('button', { name: '开始导入' }).click();
    // The run's own counts (the dry run said 将更新), then its end.
    await expect.poll(() => page.getByText('更新 2 条', { exact: true }).count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '完成：共 3 行' }).count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByRole('progressbar', { name: '导入进度' }).getAttribute('value')).toBe('1');
    expect(await page.getByText('1 行有错误', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('table', { name: '有错误的行' }).locator('tbody tr td').nth(1).textContent()).toBe('手机号');
    await expect.poll(() => page.getByRole('navigation', { name: '最近的导入' }).getByText('完成', { exact: true }).count()).toBe(1);
    await screenshot(page, '153-import-done-zh');

    const updated = ((await wang('POST', '/api/records/customer/query', { filter: { field: 'id', op: 'in', value: mine.map((c) => c.id) }, fields: ['segment', 'notes'] })).body as unknown as { items: Customer[] }).items;
    const byId = new Map(updated.map((c) => [c.id, c]));
    expect(byId.get(mine[0]!.id)).toMatchObject({ notes: NOTES, version: mine[0]!.version + 1 });
    expect(byId.get(mine[0]!.id)!.segment).not.toBe(mine[0]!.segment);
    expect(byId.get(mine[2]!.id)).toMatchObject({ version: mine[2]!.version });

    importUrl = page.url();
    await page.goto(`${server.url}/bank_crm/customer/${mine[0]!.id}`);
    // The notes are on the form's Service tab.
    await page.getByRole('tab', { name: '服务' }).click();
    const notes = page.getByRole('textbox', { name: /^备注/ });
    await expect.poll(() => notes.inputValue(), { timeout: 20_000 }).toBe(NOTES);
    await screenshot(page, '154-import-updated-customer-zh');
    expect(errors.flat()).toEqual([]);
  });

  it('she rolls it back in the background: the page follows the job until it is rolled back, and her customers are as before', async () => {
    await page.goto(importUrl);
    await page.getByRole('button', { name: '回滚本次导入' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '回滚', exact: true }).click();
    // The server answers at once and undoes the import as a job of its own; the page reads it until it ends.
    await expect.poll(() => page.getByText(/^已回滚：删除 0 条，恢复 2 条，0 条/).count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByRole('progressbar', { name: '导入进度' }).getAttribute('value')).toBe('1');
    await expect.poll(() => page.getByRole('navigation', { name: '最近的导入' }).getByText('已回滚', { exact: true }).count()).toBe(1);
    await screenshot(page, '155-import-rolled-back-zh');
    const restored = ((await wang('POST', '/api/records/customer/query', { filter: { field: 'id', op: 'in', value: mine.map((c) => c.id) }, fields: ['segment', 'notes'] })).body as unknown as { items: Customer[] }).items;
    const byId = new Map(restored.map((c) => [c.id, c]));
    expect(byId.get(mine[0]!.id)).toMatchObject({ segment: mine[0]!.segment, version: mine[0]!.version + 2 });
    expect(byId.get(mine[0]!.id)!.notes).not.toBe(NOTES);
    expect(errors.flat()).toEqual([]);
  });
  it('IT rolls back her imports of new customers from the designer\'s Imports page, in English and in Chinese, and the customers are gone', async () => {
    // Her session's cookie, to upload a file as the import page does (a CSV body, not JSON).
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wang_fang', password: DEMO_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const template = ((await admin('POST', '/api/records/customer/query', { filter: { field: 'id', op: 'eq', value: mine[0]!.id }, fields: ['branch', 'onboarded_at'] })).body as unknown as { items: { branch: string; onboarded_at: string }[] }).items[0]!;
    const numbersOf = (file: string): string[] => ['1', '2'].map((n) => `C99${file === 'new-customers.csv' ? '1' : '2'}000000${n}`);
    /** She imports two new customers in a file named `file`, through the API; answers the job's id once it is done. */
    const imported = async (file: string): Promise<string> => {
      const rows = numbersOf(file).map((no) => [no, `新企业${no}有限公司`, 'corporate', 'corporate', 'pending', template.branch, template.onboarded_at].join(','));
      const upload = await fetch(`${server.url}/api/imports?entity=customer&name=${encodeURIComponent(file)}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/csv' },
        body: [NEW_CUSTOMER_HEADERS.join(','), ...rows].join('\r\n'),
      });
      const job = (await upload.json()) as { id: string };
      expect(upload.status, JSON.stringify(job)).toBe(201);
      expect((await wang('PUT', `/api/imports/${job.id}`, { columns: NEW_CUSTOMER_HEADERS.map((key) => ({ header: key, field: key })), match: { field: 'customer_no', onMatch: 'skip', onNew: 'create' } })).status).toBe(200);
      expect((await wang('POST', `/api/imports/${job.id}/run`)).status).toBe(202);
      await expect.poll(async () => (await wang('GET', `/api/imports/${job.id}`)).body.status, { timeout: 60_000 }).toBe('done');
      expect((await wang('GET', `/api/imports/${job.id}`)).body, JSON.stringify((await wang('GET', `/api/imports/${job.id}/problems`)).body)).toMatchObject({ created: 2, failed: 0 });
      return job.id;
    };
    /** Her customers of that file, as the records API lists them (removed ones are not). */
    const customersOf = async (file: string): Promise<number> =>
      ((await admin('POST', '/api/records/customer/query', { filter: { field: 'customer_no', op: 'in', value: numbersOf(file) }, count: true, limit: 10 })).body as unknown as { total: number }).total;
    const jobs = { en: await imported('new-customers.csv'), zh: await imported('新客户.csv') };
    expect([await customersOf('new-customers.csv'), await customersOf('新客户.csv')]).toEqual([2, 2]);

    const itDesk = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    itDesk.setDefaultTimeout(20_000);
    errors.push(watchForPageErrors(itDesk));
    const rowOf = (file: string): Locator => itDesk.getByRole('rowheader', { name: file, exact: true }).locator('xpath=ancestor::tr[1]');
    // The Status column: after the file's row header, Entity, Uploaded by, Uploaded and Run.
    const statusOf = (file: string): Promise<string | null> => rowOf(file).locator('td').nth(4).textContent();
    await signInAt(itDesk, `${server.url}/designer/admin/imports`, 'admin', ADMIN_PASSWORD);
    await itDesk.waitForURL(/\/designer\/admin\/imports$/);
    expect(await statusOf('new-customers.csv')).toBe('Done');
    expect(await rowOf('new-customers.csv').locator('td').nth(1).textContent()).toBe('wang_fang');
    await itDesk.getByRole('button', { name: 'Roll back new-customers.csv', exact: true }).click();
    const dialog = itDesk.getByRole('dialog', { name: 'Roll back new-customers.csv?' });
    await dialog.getByText(/^The records this import created are removed/).waitFor();
    await screenshot(itDesk, '156-admin-import-rollback-confirm-en');
    await dialog.getByRole('button', { name: 'Roll back', exact: true }).click();
    // The server answers at once, rolling back; the rollback runs in the background and the page
    // follows it by itself (no Refresh), its notice saying what was done once it ends.
    await itDesk.getByText('new-customers.csv was rolled back: 2 removed, 0 restored, 0 left as they were changed since.', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await dialog.count()).toBe(0);
    expect(await statusOf('new-customers.csv')).toBe('Rolled back2 removed, 0 restored, 0 changed since');
    // Nothing more to roll back; her other import is untouched.
    expect(await rowOf('new-customers.csv').getByRole('button').count()).toBe(0);
    expect(await statusOf('新客户.csv')).toBe('Done');
    await screenshot(itDesk, '157-admin-import-rolled-back-en');
    expect((await admin('GET', `/api/imports/${jobs.en}`)).body).toMatchObject({ status: 'rolledBack', rollback: { total: 2, removed: 2, restored: 0, changedSince: 0 } });
    expect([await customersOf('new-customers.csv'), await customersOf('新客户.csv')]).toEqual([0, 2]);

    await itDesk.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name: '中文', exact: true }).click();
    await itDesk.getByRole('button', { name: '刷新', exact: true }).waitFor();
    expect(await statusOf('新客户.csv')).toBe('完成');
    await itDesk.getByRole('button', { name: '回滚 新客户.csv', exact: true }).click();
    const zhDialog = itDesk.getByRole('dialog', { name: '回滚 新客户.csv？' });
    await zhDialog.getByText(/^将删除此导入新建的记录/).waitFor();
    await screenshot(itDesk, '158-admin-import-rollback-confirm-zh');
    await zhDialog.getByRole('button', { name: '确认回滚', exact: true }).click();
    await itDesk.getByText('新客户.csv 已回滚：删除 2 条，恢复 0 条，0 条因导入后被修改而保持不变。', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await statusOf('新客户.csv')).toBe('已回滚删除 2，恢复 0，导入后被修改 0');
    expect(await statusOf('new-customers.csv')).toBe('已回滚删除 2，恢复 0，导入后被修改 0');
    await screenshot(itDesk, '159-admin-import-rolled-back-zh');
    expect((await admin('GET', `/api/imports/${jobs.zh}`)).body).toMatchObject({ status: 'rolledBack', rollback: { total: 2, removed: 2 } });
    expect([await customersOf('new-customers.csv'), await customersOf('新客户.csv')]).toEqual([0, 0]);
    expect(errors.flat()).toEqual([]);
  });
});
