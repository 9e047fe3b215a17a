import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signInAt, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

const API_KEY = 'ck_live_core_7d41e9b2';

/**
 * Issue 23's connectors as the bank's IT administrator meets them: a connector to the core banking
 * system (a receiver this test starts on 127.0.0.1) with an API-key header; the Test button is
 * refused because the address is a loopback one, until the administrator allow-lists the host and
 * port; then the receiver's answer shows, the receiver saw the key, and the page never shows it.
 */
describe('the administrator connects the core banking system and tests it', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let pageErrors: string[];
  let receiver: Server;
  let port: number;
  const seen: IncomingHttpHeaders[] = [];

  const language = (page: Page, name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      seen.push(request.headers);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ customer: '42', name: '王芳', segment: 'private' }));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    port = (receiver.address() as AddressInfo).port;
    server = await startServer();
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

  it('creates a connector with an API key, which the page never shows after saving', async () => {
    await signInAt(admin, `${server.url}/designer/admin/connectors`, 'admin', ADMIN_PASSWORD);
    await admin.waitForURL(/\/designer\/admin\/connectors$/);
    await admin.getByText('No connectors yet.').waitFor();
    await admin.getByRole('button', { name: 'New connector' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New connector' });
    await dialog.getByLabel('Key', { exact: true }).fill('core_banking');
    await dialog.getByLabel('Name (English)').fill('Core banking');
    await dialog.getByLabel('Name (Chinese)').fill('核心系统');
    await dialog.getByLabel('Base URL').fill(`http://127.0.0.1:${port}/api`);
    await dialog.getByLabel('Authentication').selectOption('apiKey');
    await dialog.getByLabel('Header name').fill('X-Api-Key');
    await dialog.getByLabel('API key', { exact: true }).fill(API_KEY);
    await screenshot(admin, '120-connector-new-en');
    await dialog.getByRole('button', { name: 'Create connector' }).click();
    await admin.getByText('The connector Core banking was created.').waitFor();
    const row = admin.getByRole('row').filter({ hasText: 'core_banking' });
    expect(await row.textContent()).toContain('Stored');
    expect(await admin.content()).not.toContain(API_KEY);

    // Reopened: the key shows as stored, its value nowhere.
    await admin.getByRole('button', { name: 'Edit Core banking' }).click();
    const edit = admin.getByRole('dialog', { name: 'Edit Core banking' });
    await edit.getByText('Stored', { exact: true }).waitFor();
    expect(await edit.getByLabel('API key', { exact: true }).inputValue()).toBe('');
    expect(await admin.content()).not.toContain(API_KEY);
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  it('is refused as a private address until the administrator allow-lists the host, then shows the answer', async () => {
    await admin.getByRole('button', { name: 'Test Core banking' }).click();
    const panel = admin.getByRole('region', { name: 'Test Core banking' });
    await panel.getByLabel('Path').fill('/customers/42');
    await panel.getByRole('button', { name: 'Send' }).click();
    await panel.getByText(`Refused: 127.0.0.1:${port} is a private address.`, { exact: false }).waitFor();
    expect(seen).toHaveLength(0);
    await screenshot(admin, '121-connector-refused-en');

    const hosts = admin.getByRole('region', { name: 'Allowed hosts' });
    await hosts.getByText("Hosts on the bank's own network that connectors may call, such as the core banking system.", { exact: false }).waitFor();
    // Allowed from the refusal itself: the list below shows the host.
    await panel.getByRole('button', { name: `Allow 127.0.0.1:${port}` }).click();
    await admin.getByText('The allowed hosts were saved.').waitFor();
    expect(await hosts.getByLabel('Allowed hosts, one per line').inputValue()).toBe(`127.0.0.1:${port}`);
    await screenshot(admin, '122-connector-allowed-host-en');

    await panel.getByRole('button', { name: 'Send' }).click();
    await panel.getByText('Status 200').waitFor();
    await panel.getByText('"customer":"42"', { exact: false }).waitFor();
    expect(seen).toHaveLength(1);
    expect(seen[0]!['x-api-key']).toBe(API_KEY);
    expect(await admin.content()).not.toContain(API_KEY);
    await screenshot(admin, '123-connector-tested-en');
  });

  it('reads the same in Chinese', async () => {
    await language(admin, '中文');
    const panel = admin.getByRole('region', { name: '测试 核心系统' });
    await panel.getByRole('button', { name: '发送' }).click();
    await panel.getByText('状态 200').waitFor();
    await admin.getByRole('region', { name: '允许的主机' }).getByText('连接器可以访问的银行内网主机', { exact: false }).waitFor();
    await screenshot(admin, '124-connector-tested-zh');
    await admin.getByRole('button', { name: '编辑 核心系统' }).click();
    const edit = admin.getByRole('dialog', { name: '编辑 核心系统' });
    await edit.getByText('已存储', { exact: true }).waitFor();
    await screenshot(admin, '125-connector-edit-zh');
    expect(await admin.content()).not.toContain(API_KEY);
    await edit.getByRole('button', { name: '取消' }).click();
    expect(pageErrors).toEqual([]);
  });
});
