import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

type Json = Record<string, unknown>;
interface LayoutNode extends Json {
  id: string;
  children?: LayoutNode[];
  columns?: { id: string; children: LayoutNode[] }[];
  tabs?: { id: string; children: LayoutNode[] }[];
}
interface FlowDocument extends Json {
  nodes: ({ id: string; mode?: string } & Json)[];
  edges: { id: string; source: string; target: string }[];
}
interface Preview {
  toVersion: number;
  draft: boolean;
  running: number;
  movable: number;
  unmovable: { id: string; recordTitle?: string; reasons: { code: string; nodeId?: string }[] }[];
}

/** Every list of layout nodes in a form, at any depth (sections, columns, tabs). */
function layoutLists(nodes: LayoutNode[]): LayoutNode[][] {
  return [nodes, ...nodes.flatMap((n) => [...layoutLists(n.children ?? []), ...(n.columns ?? []).flatMap((c) => layoutLists(c.children)), ...(n.tabs ?? []).flatMap((t) => layoutLists(t.children))])];
}

/**
 * Issues 20 and 21, versions an analyst can read, on the example bank CRM and its demo desk. 黄磊
 * (huang_lei, business analyst) publishes a change to the customer form and opens its version
 * history: each version says who published it by name, and the comparison says what changed field
 * by field with the fields' names, in English and in Chinese. The administrator restores version 1
 * as the draft and publishes it as version 3. The administrator then publishes a changed loan
 * approval: the designer shows which of the demo desk's running loan cases can move to the new
 * version and which cannot (one waits at the branch manager's approval, whose mode changed) and
 * moves the movable ones; the flow's Versions tab draws the two versions on one canvas.
 */
describe('an analyst reads versions by name and label, the administrator restores one and publishes a flow over running cases', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let analystApi: Api;
  let adminApi: Api;

  const apiAs = (username: string, password: string): Promise<Api> => apiAsOn(server.url, username, password);
  const language = (on: Page, name: 'English' | '中文') => on.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();

  async function signedIn(username: string, password: string, path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const opened = await context.newPage();
    opened.setDefaultTimeout(20_000);
    pageErrors.push(...watchForPageErrors(opened));
    await opened.goto(`${server.url}${path}`);
    await opened.waitForURL(/\/login\?next=/);
    await opened.getByLabel('Username').fill(username);
    await opened.getByLabel('Password').fill(password);
    await opened.getByRole('button', { name: 'Sign in' }).click();
    await opened.waitForURL(new RegExp(`${path.replaceAll('/', '\\/')}$`));
    return opened;
  }

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    adminApi = await apiAs('admin', ADMIN_PASSWORD);
    analystApi = await apiAs('huang_lei', DEMO_PASSWORD);
    browser = await launchBrowser();
    pageErrors = [];
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the analyst publishes a change to the customer form and reads it by name and label in its version history, in English and Chinese', async () => {
    // 黄磊 publishes version 2: email required of corporate customers, a help text on the name, the segment first in its column.
    const draft = await analystApi('GET', '/api/artifacts/form/customer_form');
    const form = draft.body.document as { layout: LayoutNode[] } & Json;
    const lists = layoutLists(form.layout);
    const find = (id: string) => lists.flatMap((l) => l).find((n) => n.id === id)!;
    find('n_email').requiredWhen = 'customer_type = "corporate"';
    find('n_name').help = { en: 'As on the ID card or the business licence', 'zh-CN': '与身份证或营业执照一致' };
    const column = lists.find((l) => l.some((n) => n.id === 'n_segment'))!;
    column.unshift(...column.splice(column.findIndex((n) => n.id === 'n_segment'), 1));
    expect((await analystApi('PUT', '/api/artifacts/form/customer_form', form)).status).toBe(200);
    const published = await analystApi('POST', '/api/artifacts/form/customer_form/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.version).toBe(2);

    page = await signedIn('huang_lei', DEMO_PASSWORD, '/designer/form/customer_form');
    await page.getByRole('button', { name: 'Version history' }).click();
    const history = page.getByRole('region', { name: 'Version history' });
    const rows = history.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).getByRole('cell').nth(2).textContent()).toBe('黄磊 (huang_lei)');
    expect(await rows.nth(2).getByRole('cell').nth(2).textContent()).toBe('BankForge (the example or an import)');
    await history.getByRole('button', { name: 'Compare' }).click();
    const changes = page.getByRole('region', { name: 'Changes from v1 to v2' });
    await changes.waitFor();
    // Keyed by the fields' ids and named by their labels: the segment moved, nothing after it "changed".
    expect(await changes.locator('.diff-list > li').allTextContents()).toEqual([
      "Moved Field 'Segment' from position 4 to 1",
      "Changed Field 'Name': help: (none) → As on the ID card or the business licence",
      `Changed Field 'Email': required when: (none) → customer_type = "corporate"`,
    ]);
    await screenshot(page, '45-versions-diff-en');
    await language(page, '中文');
    const changesZh = page.getByRole('region', { name: '从 v1 到 v2 的变更' });
    await changesZh.getByText('字段“电子邮箱”').waitFor();
    expect(await changesZh.locator('.diff-list > li').allTextContents()).toEqual([
      '移动 字段“客户分层” 从第 4 位移到第 1 位',
      '修改 字段“客户名称”：帮助：（无） → 与身份证或营业执照一致',
      '修改 字段“电子邮箱”：必填条件：（无） → customer_type = "corporate"',
    ]);
    expect(await page.getByRole('row').nth(2).getByRole('cell').nth(2).textContent()).toBe('BankForge（示例或导入）');
    await screenshot(page, '46-versions-diff-zh');
    await language(page, 'English');
  });

  it('the administrator restores version 1 as the draft and publishes it as version 3', async () => {
    const admin = await signedIn('admin', ADMIN_PASSWORD, '/designer/form/customer_form');
    await admin.getByRole('button', { name: 'Version history' }).click();
    await admin.getByRole('button', { name: 'Restore version 1 as the draft' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Restore version 1 as the draft?' });
    await dialog.getByRole('button', { name: 'Restore version 1' }).click();
    await admin.getByRole('status').filter({ hasText: 'Version 1 is now the draft. Publish it to make it the new version.' }).waitFor();
    await admin.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Publish' }).click();
    await admin.getByRole('status').filter({ hasText: 'Published version 3' }).waitFor();

    const v1 = (await adminApi('GET', '/api/artifacts/form/customer_form?version=1')).body.document as Json;
    const v3 = (await adminApi('GET', '/api/artifacts/form/customer_form?version=3')).body.document as Json;
    expect({ ...v3, version: 1 }).toEqual(v1);
    const versions = (await adminApi('GET', '/api/artifacts/form/customer_form/versions')).body as unknown as { version: number; publisher: unknown }[];
    expect(versions.map((v) => [v.version, v.publisher])).toEqual([
      [1, null],
      [2, { name: '黄磊', username: 'huang_lei' }],
      [3, { name: 'Administrator', username: 'admin' }],
    ]);
    await admin.context().close();
  });

  it('publishing a changed loan approval shows the running loan cases, moves the ones that can; the two versions are drawn on the canvas', async () => {
    // The administrator's draft: the branch manager's approval needs every branch manager, and compliance gets a copy of approved loans.
    const draft = (await adminApi('GET', '/api/artifacts/flow/loan_approval')).body.document as FlowDocument;
    draft.nodes.find((n) => n.id === 'branchManagerApproval')!.mode = 'all';
    draft.nodes.push({ id: 'notifyCompliance', type: 'notify', name: { en: 'Copy to compliance', 'zh-CN': '抄送合规' }, kind: 'cc', to: [{ kind: 'role', role: 'compliance_officer' }], template: 'Loan approved by the branch manager' });
    draft.edges = draft.edges.filter((e) => e.id !== 'branchManagerApproved');
    draft.edges.push({ id: 'toCompliance', source: 'branchManagerApproval', target: 'notifyCompliance' }, { id: 'complianceDone', source: 'notifyCompliance', target: 'approved' });
    const saved = await adminApi('PUT', '/api/artifacts/flow/loan_approval', draft);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // What the server says of the demo desk's running cases: the one at the branch manager's approval cannot move.
    const preview = (await adminApi('POST', '/api/flows/loan_approval/migration-preview', {})).body as unknown as Preview;
    expect(preview).toMatchObject({ toVersion: 2, draft: true });
    expect(preview.running).toBeGreaterThanOrEqual(3);
    expect(preview.unmovable.map((c) => c.reasons.map((r) => [r.code, r.nodeId]))).toEqual([[['approvalModeChanged', 'branchManagerApproval']]]);
    expect(preview.movable).toBe(preview.running - 1);

    const admin = await signedIn('admin', ADMIN_PASSWORD, '/designer/flow/loan_approval');
    const bar = admin.getByRole('toolbar', { name: 'Draft actions' });
    await admin.getByRole('region', { name: /problem/i }).getByText('No problems: the flow can be published.').waitFor();
    await bar.getByRole('button', { name: 'Publish' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Publish Loan approval' });
    await dialog.getByText('Publishing makes version 2.').waitFor();
    await dialog.getByText(`${preview.movable} running cases can move to v2.`).waitFor();
    const blocked = preview.unmovable[0]!;
    // The case is named by its record's title when the server tells the publisher one, else by its id.
    const named = blocked.recordTitle ? `${blocked.recordTitle} (case ${blocked.id.slice(0, 8)})` : `Case ${blocked.id.slice(0, 8)}`;
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual([
      `${named} on v1: It waits at "Branch manager approval", whose approval mode version 2 changes: the approvals given would not carry over.`,
    ]);
    await screenshot(admin, '47-flow-publish-preview-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await language(admin, '中文');
    await admin.getByRole('toolbar', { name: '草稿操作' }).getByRole('button', { name: '发布' }).click();
    const dialogZh = admin.getByRole('dialog', { name: '发布贷款审批' });
    await dialogZh.getByText(`${preview.movable} 个运行中的申请可以迁移到 v2。`).waitFor();
    await dialogZh.getByText(/它正在等待的审批“支行行长审批”在第 2 版中改变了审批方式/).waitFor();
    expect(await dialogZh.getByRole('radio', { name: `将可以迁移的 ${preview.movable} 个申请迁移到 v2` }).isChecked()).toBe(true);
    await screenshot(admin, '48-flow-publish-preview-zh');
    await dialogZh.getByRole('button', { name: '发布并迁移' }).click();
    await dialogZh.getByText(`已发布版本 2。 ${preview.movable} 个运行中的申请已迁移到 v2。 1 个留在原版本上。`).waitFor();
    await dialogZh.getByRole('button', { name: '关闭' }).click();
    await language(admin, 'English');

    // The cases moved: none that could move is left on version 1; the blocked one still is.
    const after = (await adminApi('POST', '/api/flows/loan_approval/migration-preview', { toVersion: 2 })).body as unknown as Preview;
    expect(after).toMatchObject({ running: 1, movable: 0, unmovable: [{ id: blocked.id }] });
    const audit = (await adminApi('GET', '/api/audit?action=flow')).body as unknown as { detail: { command?: string; toVersion?: number } }[];
    expect(audit.filter((e) => e.detail.command === 'migrate' && e.detail.toVersion === 2)).toHaveLength(preview.movable);

    // The Versions tab draws version 1 and version 2 on one canvas: the changed approval in amber, the copy to compliance added.
    await admin.getByRole('tab', { name: 'Versions' }).click();
    await admin.getByRole('button', { name: 'Compare' }).click();
    const canvas = admin.getByRole('region', { name: 'Changes from v1 to v2 on the flow diagram' });
    await canvas.getByRole('img', { name: 'Approval: Branch manager approval, Changed: mode: single → all' }).waitFor();
    await canvas.getByRole('img', { name: /^Notify: Copy to compliance, Added/ }).waitFor();
    expect(await admin.getByRole('region', { name: 'Changes from v1 to v2' }).locator('.diff-list > li').allTextContents()).toEqual(
      expect.arrayContaining(["Changed Step 'Branch manager approval': mode: single → all", "Added Step 'Copy to compliance'", "Removed Connection 'Branch manager approval → Approved'"]),
    );
    await canvas.scrollIntoViewIfNeeded();
    await screenshot(admin, '49-flow-versions-canvas-en');
    expect(pageErrors).toEqual([]);
  });
});
