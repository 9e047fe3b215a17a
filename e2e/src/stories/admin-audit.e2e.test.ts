import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs as apiAsOn, DEMO_PASSWORD, type Api } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

/**
 * Issue 21 as the bank's IT administrator and its compliance officer meet it. The administrator
 * creates 钱浩 as a relationship manager of SH001 under 陈静, moves him to SH002, resets his password
 * (each new password shown once, in Chinese too), reads the compliance role's grants as a matrix,
 * and revokes the core-banking integration's API key. 郑华 of compliance then finds those actions in
 * the audit log, reads the branch change field by field, verifies the hash chain and exports her
 * search, which the log records in turn.
 */
describe('the administrator manages people and keys; compliance reads what was done', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let compliance: Page;
  let adminApi: Api;
  let pageErrors: string[][];
  let qianId: string;

  const apiAs = (username: string, password: string): Promise<Api> => apiAsOn(server.url, username, password);
  const canSignIn = async (username: string, password: string): Promise<number> =>
    (await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })).status;
  const language = (page: Page, name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();
  const signIn = async (page: Page, username: string, password: string) => {
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const rowOf = (locator: Locator) => locator.locator('xpath=ancestor::tr[1]');

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    adminApi = await apiAs('admin', ADMIN_PASSWORD);
    // The core banking system's key, the one the administrator will revoke.
    expect((await adminApi('POST', '/api/auth/api-keys', { name: 'core-banking', roles: ['relationship_manager'] })).status).toBe(201);
    browser = await launchBrowser();
    admin = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    compliance = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    for (const page of [admin, compliance]) page.setDefaultTimeout(20_000);
    pageErrors = [watchForPageErrors(admin), watchForPageErrors(compliance)];
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a user with a role, branch and manager, moves him, and resets his password', async () => {
    await admin.goto(`${server.url}/designer/admin`);
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.waitForURL(/\/designer\/admin\/users$/);
    await admin.getByRole('link', { name: 'Administration' }).waitFor();
    await admin.getByRole('row').filter({ hasText: 'chen_jing' }).waitFor();

    await admin.getByRole('button', { name: 'New user' }).click();
    const create = admin.getByRole('dialog', { name: 'New user' });
    await create.getByLabel('Username', { exact: true }).fill('qian_hao');
    await create.getByLabel('Name', { exact: true }).fill('钱浩');
    await create.getByRole('checkbox', { name: 'Relationship manager' }).check();
    await create.getByLabel('Branch', { exact: true }).fill('SH001');
    await create.getByLabel('Manager', { exact: true }).selectOption({ label: '陈静 (chen_jing, SH001)' });
    await create.getByRole('button', { name: 'Create user' }).click();
    const shown = admin.getByRole('dialog', { name: 'Password for 钱浩' });
    const first = await shown.getByLabel('New password').inputValue();
    expect(first.length).toBeGreaterThanOrEqual(20);
    await shown.getByRole('button', { name: 'Done' }).click();
    await admin.getByText('钱浩 was created.').waitFor();
    expect(await canSignIn('qian_hao', first)).toBe(200);
    const qian = rowOf(admin.getByText('qian_hao', { exact: true }));
    expect(await qian.textContent()).toContain('Relationship manager');
    expect(await qian.textContent()).toContain('陈静');
    await screenshot(admin, '60-admin-users-en');

    // Moved to the new SH002 branch, by keyboard from the row's Edit button.
    await admin.getByRole('button', { name: 'Edit 钱浩' }).focus();
    await admin.keyboard.press('Enter');
    const edit = admin.getByRole('dialog', { name: 'Edit 钱浩' });
    await edit.getByLabel('Branch', { exact: true }).fill('SH002');
    await edit.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('The changes to 钱浩 were saved.').waitFor();
    expect(await rowOf(admin.getByText('qian_hao', { exact: true })).textContent()).toContain('SH002');

    // The password reset, in Chinese: the new password is shown once.
    await language(admin, '中文');
    await admin.getByRole('button', { name: '重置钱浩的密码' }).click();
    await admin.getByRole('dialog', { name: '重置钱浩的密码' }).getByRole('button', { name: '重置密码' }).click();
    const again = admin.getByRole('dialog', { name: '钱浩的密码' });
    const second = await again.getByLabel('新密码').inputValue();
    expect(second).not.toBe(first);
    await screenshot(admin, '61-admin-password-zh');
    await again.getByRole('button', { name: '完成' }).click();
    await admin.getByText('已设置钱浩的密码，其会话均已结束。').waitFor();
    expect(await canSignIn('qian_hao', first)).toBe(401);
    expect(await canSignIn('qian_hao', second)).toBe(200);
    qianId = ((await adminApi('GET', '/api/auth/users')).body as unknown as { id: string; username: string }[]).find((u) => u.username === 'qian_hao')!.id;
  });

  it("reads the compliance role's grants as a matrix, and revokes the core-banking API key", async () => {
    await admin.getByRole('navigation', { name: '系统管理栏目' }).getByRole('link', { name: '角色' }).click();
    await admin.getByRole('navigation', { name: '角色' }).getByRole('link', { name: /合规专员/ }).click();
    const read = admin.getByRole('combobox', { name: '客户：查看' });
    expect(await read.locator('option:checked').textContent()).toBe('全部');
    expect(await admin.getByRole('combobox', { name: '客户：修改' }).locator('option:checked').textContent()).toBe('无');
    await rowOf(read).getByRole('button', { name: /字段规则/ }).click();
    expect(await admin.getByRole('combobox', { name: '居民身份证号的规则' }).locator('option:checked').textContent()).toBe('脱敏');
    expect(await admin.getByRole('checkbox', { name: '查阅审计日志并校验其哈希链（合规、内审）' }).isChecked()).toBe(true);
    await screenshot(admin, '62-admin-roles-zh');

    await language(admin, 'English');
    await admin.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'API keys' }).click();
    await admin.getByRole('button', { name: 'Revoke core-banking' }).click();
    await admin.getByRole('dialog', { name: 'Revoke the API key core-banking?' }).getByRole('button', { name: 'Revoke key' }).click();
    await admin.getByText('The key core-banking was revoked.').waitFor();
    expect(await rowOf(admin.getByRole('rowheader', { name: 'core-banking' })).textContent()).toContain('Revoked');
    await screenshot(admin, '63-admin-api-keys-en');
    const keys = (await adminApi('GET', '/api/auth/api-keys')).body as unknown as { name: string; revokedAt: string | null }[];
    expect(keys.find((k) => k.name === 'core-banking')!.revokedAt).not.toBeNull();
  });

  it('compliance finds those actions, reads the branch change field by field, verifies the chain and exports', async () => {
    await compliance.goto(`${server.url}/audit`);
    await signIn(compliance, 'zheng_hua', DEMO_PASSWORD);
    await compliance.waitForURL(/\/audit$/);
    await compliance.getByRole('link', { name: 'Audit log' }).waitFor();

    // What the administrator did to people and keys within the last hour, the time typed as the English page writes it.
    const hourAgo = new Date(Date.now() - 3600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    await compliance.getByLabel('From').fill(`${two(hourAgo.getMonth() + 1)}/${two(hourAgo.getDate())}/${hourAgo.getFullYear()} ${two(hourAgo.getHours())}:${two(hourAgo.getMinutes())}`);
    await compliance.getByLabel('User').fill('admin');
    await compliance.getByLabel('Action').selectOption({ label: 'Permission change' });
    await compliance.getByRole('button', { name: 'Search' }).click();
    await compliance.waitForURL(/actor=admin&action=permissionChange&from=/);
    const entries = compliance.getByRole('table').first();
    await entries.getByText('API key core-banking').first().waitFor();
    expect(await entries.getByText('User qian_hao').count()).toBe(3);

    // 钱浩's own record: created, moved, password reset.
    await compliance.getByLabel('Record ID').fill(qianId);
    await compliance.getByRole('button', { name: 'Search' }).click();
    await compliance.getByText('Entries 1 to 3').waitFor();
    const rows = entries.locator('tbody > tr');
    const moved = rows.nth(1);
    const seq = (await moved.locator('td').first().textContent())!;
    await moved.getByRole('button', { name: `Show the changes of entry ${seq}` }).focus();
    await compliance.keyboard.press('Enter');
    const diff = compliance.getByRole('table', { name: `Changes in entry ${seq}` });
    expect((await diff.getByRole('row').allTextContents()).slice(1)).toEqual(['BranchSH001SH002']);
    await rows.first().getByRole('button', { name: /^Show the changes/ }).click();
    await compliance.getByText('The password was reset. The log never keeps passwords.').waitFor();
    await screenshot(compliance, '64-audit-diff-en');

    await compliance.getByRole('button', { name: 'Verify chain' }).click();
    await compliance.getByText(/^The chain is intact: \d+ entries/).waitFor();

    await language(compliance, '中文');
    await compliance.getByRole('button', { name: '校验哈希链' }).click();
    await compliance.getByText(/^哈希链完整：共 \d+ 条/).waitFor();
    const download = compliance.waitForEvent('download');
    await compliance.getByRole('link', { name: '导出 CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actorName,actorId,action,entity,recordId,detail,prevHash,hash');
    expect(lines).toHaveLength(4);
    expect(csv).toContain('SH002');
    expect(csv).not.toContain(DEMO_PASSWORD);
    await screenshot(compliance, '65-audit-verified-zh');

    // The export itself is in the log.
    await compliance.getByLabel('记录 ID').fill('');
    await compliance.getByLabel('用户').fill('zheng_hua');
    await compliance.getByLabel('操作').selectOption({ label: '导出' });
    await compliance.getByRole('button', { name: '查询' }).click();
    await entries.getByText('审计日志').first().waitFor();
    expect(pageErrors).toEqual([[], []]);
  });
});
