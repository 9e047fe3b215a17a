import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, DEMO_PASSWORD, type Api } from '../harness/api.js';
import { launchBrowser, screenshot, signInAt, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** Standard Webhooks v1, written here from the spec: HMAC-SHA256 of "id.timestamp.body" with the secret's base64 key. */
function signedBy(secret: string, received: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${String(received.headers['webhook-id'])}.${String(received.headers['webhook-timestamp'])}.${received.body}`).digest('base64');
  return String(received.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

/**
 * Issue 23's outbound webhooks as the bank's IT administrator meets them: she subscribes the CRM's
 * receiver (started here on 127.0.0.1, its host allow-listed) to loan applications being updated
 * and keeps the signing secret shown once; 王芳, a relationship manager, changes a loan; the receiver
 * gets it signed with that secret; the delivery shows in the log, and a replay sends it again
 * with the same webhook-id. The feed reads as a credit officer (chosen by keyboard): loans reach it
 * as that role sees them. In English and in Chinese.
 */
describe('the administrator subscribes the CRM to loan changes', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let pageErrors: string[];
  let receiver: Server;
  let port: number;
  let secret: string;
  let adminApi: Api;
  const received: Received[] = [];

  const language = (page: Page, name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();
  /** Waits until the receiver holds `count` requests (the event and webhook dispatchers poll every second). */
  const receivedCount = async (count: number): Promise<void> => {
    const deadline = Date.now() + 30_000;
    while (received.length < count) {
      if (Date.now() > deadline) throw new Error(`the receiver got ${received.length} requests, not ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(204);
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    port = (receiver.address() as AddressInfo).port;
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    adminApi = await apiAs(server.url, 'admin', ADMIN_PASSWORD);
    // The receiver is on the bank's own network: the administrator allow-lists its host, as for connectors.
    expect((await adminApi('PUT', '/api/connectors/allowed-hosts', { hosts: [`127.0.0.1:${port}`] })).status).toBe(200);
    browser = await launchBrowser();
    admin = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    admin.setDefaultTimeout(20_000);
    pageErrors = watchForPageErrors(admin);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    receiver?.close();
  });

  it('subscribes the receiver to loan updates and keeps the secret shown once', async () => {
    await signInAt(admin, `${server.url}/designer/admin/webhooks`, 'admin', ADMIN_PASSWORD);
    await admin.waitForURL(/\/designer\/admin\/webhooks$/);
    await admin.getByText('No webhooks yet.').waitFor();
    await admin.getByRole('button', { name: 'New webhook' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New webhook' });
    await dialog.getByLabel('Key', { exact: true }).fill('crm_loans');
    await dialog.getByLabel('Name (English)').fill('CRM loan feed');
    await dialog.getByLabel('Name (Chinese)').fill('CRM 贷款推送');
    await dialog.getByLabel('URL', { exact: true }).fill(`http://127.0.0.1:${port}/hooks`);
    await dialog.getByRole('checkbox', { name: 'Record updated' }).check();
    // A filter that does not parse is refused at the filter, in words.
    // The filter is typed in the platform's FEEL editor (Monaco, inside the modal dialog), which checks it as it is typed.
    // Typed at full speed: no key is lost to the dialog or to the editor catching up with itself.
    const filter = dialog.locator('.feel-editor', { hasText: 'Filter (FEEL, optional)' });
    await filter.locator('.monaco-editor').waitFor();
    await filter.getByText('Filter (FEEL, optional)', { exact: true }).click();
    await admin.keyboard.type('entity = ');
    await filter.locator('.feel-editor__problem', { hasText: /^Syntax error/ }).waitFor();
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    await dialog.getByText(/The filter is not valid FEEL/).waitFor();
    await filter.getByText('Filter (FEEL, optional)', { exact: true }).click();
    await admin.keyboard.press('End');
    await admin.keyboard.type('"loan_application"');
    await filter.locator('.feel-editor__problem').waitFor({ state: 'detached' });
    // Monaco draws a space as a no-break space.
    expect((await filter.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ')).toBe('entity = "loan_application"');
    // The roles the CRM reads as, by name and by keyboard; an administrator role is not offered.
    const roles = dialog.getByRole('group', { name: 'Roles the receiver reads as (optional)' });
    expect(await roles.getByRole('checkbox', { name: 'Administrator', exact: true }).count()).toBe(0);
    await roles.getByRole('checkbox', { name: 'Credit officer', exact: true }).focus();
    await admin.keyboard.press('Space');
    expect(await roles.getByRole('checkbox', { name: 'Credit officer', exact: true }).isChecked()).toBe(true);
    await screenshot(admin, '130-webhook-new-en');
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    const shown = admin.getByRole('dialog', { name: 'Signing secret of CRM loan feed' });
    secret = await shown.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await screenshot(admin, '131-webhook-secret-en');
    await shown.getByRole('button', { name: 'Done' }).click();
    await admin.getByText('The webhook CRM loan feed was created.').waitFor();
    expect(await admin.getByRole('row').filter({ hasText: 'CRM loan feed' }).textContent()).toContain('Enabled');
    expect(await admin.content()).not.toContain(secret);
    expect((await adminApi('GET', '/api/webhooks/crm_loans')).body.roles).toEqual(['credit_officer']);
  });

  it("delivers an RM's change to the loan, signed; the log shows it and a replay sends it again", async () => {
    const rm: Api = await apiAs(server.url, 'wang_fang', DEMO_PASSWORD);
    const customers = await rm('POST', '/api/records/customer/query', { limit: 1 });
    const customer = (customers.body.items as { id: string }[])[0]!.id;
    const loan = await rm('POST', '/api/records/loan_application', {
      customer,
      product: 'consumer',
      amount: { amount: '150000.00', currency: 'CNY' },
      term_months: 24,
      credit_score: 700,
      annual_income: { amount: '260000.00', currency: 'CNY' },
      purpose: 'Car purchase',
    });
    expect(loan.status, JSON.stringify(loan.body)).toBe(201);
    const changed = await rm('PATCH', `/api/records/loan_application/${String(loan.body.id)}`, { version: loan.body.version, purpose: 'Car purchase for the family business' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await receivedCount(1);
    const [first] = received;
    expect(signedBy(secret, first!)).toBe(true);
    const payload = JSON.parse(first!.body) as { type: string; data: { entity: string; recordId: string; changes: Record<string, unknown> } };
    expect(payload).toMatchObject({ type: 'record.updated', data: { entity: 'loan_application', recordId: loan.body.id, changes: { purpose: { old: 'Car purchase', new: 'Car purchase for the family business' } } } });

    await admin.getByRole('button', { name: 'Deliveries of CRM loan feed' }).click();
    const panel = admin.getByRole('region', { name: 'Deliveries of CRM loan feed' });
    const row = panel.getByRole('row').filter({ hasText: 'record.updated' });
    await row.getByText('Delivered').waitFor();
    expect(await row.textContent()).toContain('HTTP 204');
    await screenshot(admin, '132-webhook-deliveries-en');
    await row.getByRole('button', { name: /^Replay the delivery of/ }).click();
    await panel.getByText('The delivery was queued to be sent again now.').waitFor();
    await receivedCount(2);
    expect(received[1]!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(signedBy(secret, received[1]!)).toBe(true);
    await panel.getByRole('button', { name: 'Refresh' }).click();
    await row.getByText('Delivered').waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('2');
    await screenshot(admin, '133-webhook-replayed-en');
  });

  it('reads the same in Chinese', async () => {
    await language(admin, '中文');
    const panel = admin.getByRole('region', { name: 'CRM 贷款推送 的投递记录' });
    await panel.getByRole('button', { name: '刷新' }).click();
    await panel.getByRole('row').filter({ hasText: 'record.updated' }).getByText('已送达').waitFor();
    await screenshot(admin, '134-webhook-deliveries-zh');
    await admin.getByRole('button', { name: '新建 Webhook' }).click();
    const dialog = admin.getByRole('dialog', { name: '新建 Webhook' });
    await dialog.getByRole('checkbox', { name: '所有记录变更' }).check();
    await dialog.getByRole('group', { name: '接收方按以下角色读取（可选）' }).getByRole('checkbox', { name: '信贷审批员' }).waitFor();
    await dialog.getByText(/未选择角色时，任一角色脱敏或隐藏的字段都脱敏后发送/).waitFor();
    await screenshot(admin, '135-webhook-new-zh');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(pageErrors).toEqual([]);
  });
});
