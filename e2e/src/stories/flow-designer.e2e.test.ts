import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';



interface FlowDocument {
  nodes: { id: string; type: string; to?: unknown; kind?: string; template?: string }[];
  edges: { id: string; source: string; target: string }[];
}

/**
 * The flow designer as the bank's analyst lives it, on the example bank CRM and its demo desk: 黄磊
 * (huang_lei, business analyst) opens loan_approval, drags a Notify step from the palette onto the
 * canvas with the mouse, connects the branch manager's approval to it (the keyboard's connect
 * dialog; flow-designer-build draws a path by dragging from a connection point), and picks
 * compliance as its recipients. While the step leads nowhere the problems panel and the node
 * say so and Publish is blocked; he connects it to "Approved" and saves. His role may not publish
 * flows (he is told so); the administrator publishes version 2 in the designer. A loan case
 * approved afterwards by the credit officer and the branch manager sends compliance (郑华) a
 * carbon copy.
 */
describe('an analyst adds a carbon copy to the loan approval in the flow designer, and the next case sends it', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let analystApi: Api;

  const apiAs = (username: string, password: string): Promise<Api> => apiAsOn(server.url, username, password);

  /** A node on the canvas, by its accessible name ("Type: Name", then ", N problems" when it has some). */
  const node = (name: string): Locator => page.getByRole('button', { name: new RegExp(`^${name}(,|$)`) });
  const canvasNode = (id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
  const language = (name: 'English' | '中文') => page.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD });
    expect((await (await apiAs('admin', ADMIN_PASSWORD))('GET', '/api/auth/me')).status).toBe(200);
    analystApi = await apiAs('huang_lei', DEMO_PASSWORD);
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

  it('drags a Notify step onto the canvas, draws a path into it, sees the problem it leaves, fixes it by keyboard and saves; the administrator publishes', async () => {
    // 黄磊 signs in on the login page the designer sends him to, and lands on the flow.
    await page.goto(`${server.url}/designer/flow/loan_approval`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Username').fill('huang_lei');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/designer\/flow\/loan_approval$/);
    await page.getByRole('heading', { level: 1, name: 'Flow: Loan approval' }).waitFor();
    const canvas = page.getByRole('region', { name: 'Flow diagram' });
    const problems = page.getByRole('region', { name: /problem/i });
    await node('Approval: Branch manager approval').waitFor();
    await problems.getByText('No problems: the flow can be published.').waitFor();
    const bar = page.getByRole('toolbar', { name: 'Draft actions' });
    expect(await bar.getByRole('button', { name: 'Publish' }).isEnabled()).toBe(true);
    await screenshot(page, '32-flow-designer-canvas-en');
    await language('中文');
    await page.getByRole('heading', { level: 1, name: /^流程：/ }).waitFor();
    await page.getByRole('button', { name: /^审批：支行行长审批(,|$)/ }).waitFor();
    await screenshot(page, '33-flow-designer-canvas-zh');
    await language('English');
    await page.getByRole('heading', { level: 1, name: 'Flow: Loan approval' }).waitFor();

    // With the mouse: the palette's Notify entry dragged onto an empty spot below the branch manager's approval.
    const manager = canvasNode('branchManagerApproval');
    const managerBox = (await manager.boundingBox())!;
    const canvasBox = (await canvas.boundingBox())!;
    // Inside the diagram even when zoom to fit leaves the approval near its edge.
    const drop = { x: Math.min(Math.max(managerBox.x + managerBox.width / 2, canvasBox.x + 80), canvasBox.x + canvasBox.width - 120), y: Math.min(managerBox.y + managerBox.height + 140, canvasBox.y + canvasBox.height - 40) };
    const notifyEntry = page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Notify', exact: true });
    await notifyEntry.hover();
    await page.mouse.down();
    await page.mouse.move(drop.x, drop.y, { steps: 10 });
    await page.mouse.up();
    const notify = node('Notify: Notify');
    await notify.waitFor();
    // Nobody reaches it and it leads nowhere: the live check says so on the node.
    await expect.poll(() => notify.getAttribute('aria-label')).toMatch(/^Notify: Notify, \d+ problems$/);

    // By keyboard: C on the branch manager's approval opens the connect dialog; the new step is chosen by name.
    const notifyId = (await notify.locator('xpath=ancestor-or-self::*[contains(@class,"react-flow__node")][1]').getAttribute('data-id'))!;
    await node('Approval: Branch manager approval').focus();
    await page.keyboard.press('c');
    const link = page.getByRole('dialog', { name: 'Connect Branch manager approval to' });
    await link.getByRole('combobox', { name: 'Next step' }).selectOption({ label: 'Notify: Notify' });
    await link.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('button', { name: 'from Branch manager approval to Notify' }).waitFor();
    // Two paths now leave the approval: the old one to "Approved" goes, by keyboard.
    await page.getByRole('button', { name: 'from Branch manager approval to Approved' }).focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByRole('button', { name: /^from Branch manager approval to Approved/ }).count()).toBe(0);

    // The recipients and the text in the step's property panel: everyone with the compliance officer role.
    await notify.focus();
    const properties = page.getByRole('complementary', { name: 'Notify: Notify' });
    expect(await properties.getByRole('combobox', { name: 'Kind' }).inputValue()).toBe('cc');
    await properties.getByRole('button', { name: 'Add a rule' }).click();
    await properties.getByRole('combobox', { name: 'Rule 1: who' }).selectOption('role');
    // The role is picked from the bank's list by its name.
    await properties.getByRole('combobox', { name: 'Rule 1: role' }).fill('complian');
    await page.getByRole('option', { name: 'Compliance officer (compliance_officer)' }).click();
    await properties.getByRole('textbox', { name: 'Text' }).fill('Loan approved by the branch manager, for compliance');

    // The step still leads nowhere, nor does anything before it: the list says so, the node shows its one problem, and Publish waits.
    const deadEnd = problems.getByRole('button', { name: 'Notify leads to no end.' });
    await deadEnd.waitFor();
    await expect.poll(() => notify.getAttribute('aria-label')).toBe('Notify: Notify, 1 problem');
    expect(await canvasNode(notifyId).locator('.flow-node__marker').textContent()).toBe('⚠ 1');
    expect(await bar.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await expect.poll(() => problems.getByRole('listitem').allTextContents()).toEqual(['Credit officer review leads to no end.', 'Branch manager approval leads to no end.', 'Notify leads to no end.']);
    expect(await page.getByText(/^Publish is available once the/).textContent()).toBe('Publish is available once the 3 problems below are solved.');
    await screenshot(page, '34-flow-designer-problem-en');
    await language('中文');
    await page.getByText('解决下方 3 个问题后即可发布。').waitFor();
    await screenshot(page, '35-flow-designer-problem-zh');
    await language('English');

    // By keyboard: the problem's button selects the step; C opens the connect dialog; "Approved" is chosen by name.
    await deadEnd.click();
    await notify.focus();
    await page.keyboard.press('c');
    const connect = page.getByRole('dialog', { name: 'Connect Notify to' });
    await connect.getByRole('combobox', { name: 'Next step' }).selectOption({ label: 'End: Approved' });
    await connect.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('button', { name: 'from Notify to Approved' }).waitFor();
    await problems.getByText('No problems: the flow can be published.').waitFor();
    expect(await notify.getAttribute('aria-label')).toBe('Notify: Notify');

    // Saved, then published as version 2.
    await bar.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
    const draft = await analystApi('GET', '/api/artifacts/flow/loan_approval');
    const saved = draft.body.document as FlowDocument;
    expect(saved.nodes.find((n) => n.id === notifyId)).toMatchObject({ type: 'notify', kind: 'cc', to: [{ kind: 'role', role: 'compliance_officer' }] });
    // An analyst draws and saves; the bank's administrator publishes approval flows (four eyes).
    await bar.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your roles do not allow you to publish flow artifacts.' }).waitFor();
    const admin = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const adminPage = await admin.newPage();
    adminPage.setDefaultTimeout(20_000);
    const adminErrors = watchForPageErrors(adminPage);
    await adminPage.goto(`${server.url}/designer/flow/loan_approval`);
    await adminPage.waitForURL(/\/login\?next=/);
    await adminPage.getByLabel('Username').fill('admin');
    await adminPage.getByLabel('Password').fill(ADMIN_PASSWORD);
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.waitForURL(/\/designer\/flow\/loan_approval$/);
    await adminPage.getByRole('region', { name: /problem/i }).getByText('No problems: the flow can be published.').waitFor();
    await adminPage.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Publish' }).click();
    // The demo desk's cases run on version 1: the designer asks what becomes of them; those that can move do.
    const publishing = adminPage.getByRole('dialog', { name: 'Publish Loan approval' });
    await publishing.getByRole('button', { name: 'Publish and move' }).click();
    await publishing.getByRole('button', { name: 'Close' }).click();
    await adminPage.getByRole('status').filter({ hasText: 'Published version 2' }).waitFor();
    await screenshot(adminPage, '36-flow-designer-published-en');
    expect(adminErrors).toEqual([]);
    const published = await analystApi('GET', '/api/artifacts/flow/loan_approval');
    expect(published.body.latestVersion).toBe(2);
    const edges = (published.body.document as FlowDocument).edges.map((e) => `${e.source}->${e.target}`);
    expect(edges).toContain(`branchManagerApproval->${notifyId}`);
    expect(edges).toContain(`${notifyId}->approved`);
    expect(edges).not.toContain('branchManagerApproval->approved');
    expect(pageErrors).toEqual([]);
  });

  it('sends compliance a carbon copy when the branch manager approves a loan case under version 2', async () => {
    const rmApi = await apiAs('wang_fang', DEMO_PASSWORD);
    const customers = await rmApi('POST', '/api/records/customer/query', { limit: 1 });
    const customer = (customers.body.items as { id: string }[])[0]!.id;
    const loan = await rmApi('POST', '/api/records/loan_application', {
      customer,
      product: 'business',
      amount: { amount: '3000000.00', currency: 'CNY' },
      term_months: 36,
      credit_score: 780,
      annual_income: { amount: '1500000.00', currency: 'CNY' },
      purpose: 'Equipment for the new workshop',
    });
    expect(loan.status, JSON.stringify(loan.body)).toBe(201);
    const loanId = loan.body.id as string;
    const started = await rmApi('POST', '/api/flows/loan_approval/instances', { recordId: loanId });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const reviewId = (started.body.tasks as { id: string }[])[0]!.id;

    const officerApi = await apiAs('zhang_wei', DEMO_PASSWORD);
    expect((await officerApi('POST', `/api/tasks/${reviewId}/claim`, {})).status).toBe(200);
    const reviewed = await officerApi('POST', `/api/tasks/${reviewId}/approve`, { comment: 'Income verified' });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    const managerTask = (reviewed.body.tasks as { id: string }[])[0]!.id;
    const managerApi = await apiAs('chen_jing', DEMO_PASSWORD);
    const approved = await managerApi('POST', `/api/tasks/${managerTask}/approve`, { comment: '同意' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((await rmApi('GET', `/api/records/loan_application/${loanId}`)).body.status).toBe('approved');

    const complianceApi = await apiAs('zheng_hua', DEMO_PASSWORD);
    const inbox = await complianceApi('GET', '/api/notifications');
    const copies = (inbox.body.items as { kind: string; text: { en: string } }[]).filter((n) => n.kind === 'cc');
    expect(copies.map((n) => n.text.en)).toEqual([expect.stringMatching(/^For your information: Loan approval – Notify/)]);
  });
});
