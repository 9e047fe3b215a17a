import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs as apiAsOn, type Api, DEMO_PASSWORD } from '../harness/api.js';
import { launchBrowser, screenshot, watchForPageErrors } from '../harness/browser.js';
import { ADMIN_PASSWORD, startServer, type RunningServer } from '../harness/server.js';

interface FlowDocument {
  entity?: string;
  record?: { variables?: Record<string, string> };
  nodes: { id: string; type: string; name: { en: string }; mode?: string; percentage?: number; assignees?: unknown[]; timeout?: unknown; decisionKey?: string; inputs?: Record<string, string> }[];
  edges: { id: string; source: string; target: string; condition?: string; default?: boolean }[];
}

const FLOW = 'small_business_loan';

/**
 * An approval flow built from nothing in the flow designer, on the example bank CRM and its demo
 * desk. 黄磊 (huang_lei, business analyst) starts a new flow from the artifact list: a start joined to
 * an end. He binds it to the loan application and reads the amount, credit score and income from
 * it; by the keyboard alone he adds the scoring decision, the amount branch and the officers'
 * approval after it (A) and connects that approval to the end (C); with the mouse he drops the
 * credit committee's approval from the palette and draws the branch's path into it by dragging from
 * the branch's connection point. The checker flags the branch (a path with neither a condition nor
 * the default's place) and the approvals (nobody approves); he fixes them: any one credit officer (或签) up to
 * 1,000,000, above it 2 of the 3 committee members within 3 business days, escalated to the head of
 * risk, roles picked from the bank's list. His role may only edit flows: the administrator publishes
 * it and lets relationship managers start it. 王芳 (RM) submits a loan of 300,000 from its record
 * page in the runtime; it arrives in the credit officer 张伟's inbox.
 */
describe('an analyst builds a loan approval from an empty flow, and the first case reaches the approver', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  /** What each window reports as broken (uncaught errors, CSP refusals): the story ends with none. */
  const pageErrors: string[][] = [];
  let loanNo = '';

  const apiAs = (username: string, password: string): Promise<Api> => apiAsOn(server.url, username, password);
  /** A step on the canvas by its accessible name ("Type: Name", then ", N problems" when it has some). */
  const node = (name: string): Locator => page.getByRole('button', { name: new RegExp(`^${name}(,|$)`) });
  /** A path by its accessible name; waited for as attached (a straight one has no height, and Playwright calls that hidden). */
  const path = (from: string, to: string): Locator => page.getByRole('button', { name: new RegExp(`^from ${from} to ${to}(,| when|$)`) });
  const language = (on: Page, name: 'English' | '中文') => on.getByRole('group', { name: /^(Language|语言)$/ }).getByRole('button', { name, exact: true }).click();
  const properties = (name: string | RegExp): Locator => page.getByRole('complementary', { name });
  const problems = (): Locator => page.getByRole('region', { name: /problem/i });

  /** Picks from a role or person list: types part of the name, then chooses the option. */
  async function pick(box: Locator, typed: string, option: string): Promise<void> {
    await box.fill(typed);
    await page.getByRole('option', { name: option }).click();
  }

  /** Renames the selected step in both languages (the English name last: the panel is named by it). */
  async function rename(panel: Locator, en: string, zh: string): Promise<void> {
    await panel.getByRole('textbox', { name: 'Name (Chinese)' }).fill(zh);
    await panel.getByRole('textbox', { name: 'Name (English)' }).fill(en);
  }

  /** A browser window signed in (the runtime's login) as one of the desk's people. */
  async function signedIn(username: string, password = DEMO_PASSWORD, next = '/inbox'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const signed = await context.newPage();
    signed.setDefaultTimeout(20_000);
    pageErrors.push(watchForPageErrors(signed));
    await signed.goto(`${server.url}/login?next=${encodeURIComponent(next)}`);
    await signed.getByLabel('Username').fill(username);
    await signed.getByLabel('Password').fill(password);
    await signed.getByRole('button', { name: 'Sign in' }).click();
    await signed.waitForURL((url) => !url.pathname.startsWith('/login'));
    return signed;
  }

  beforeAll(async () => {
    server = await startServer({ BANKFORGE_EXAMPLE: 'bank-crm', BANKFORGE_DEMO_PASSWORD: DEMO_PASSWORD, BANKFORGE_LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    browser = await launchBrowser();
    page = await signedIn('huang_lei', DEMO_PASSWORD, '/designer/');
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('starts a new flow, binds it to the loan application, and adds and connects steps by the keyboard alone', async () => {
    await page.getByRole('heading', { level: 1, name: 'Artifacts' }).waitFor();
    await page.getByRole('button', { name: 'New flow' }).click();
    const create = page.getByRole('dialog', { name: 'New flow' });
    await create.getByRole('textbox', { name: 'Key' }).fill(FLOW);
    await create.getByRole('textbox', { name: 'Title' }).fill('Small business loan');
    await create.getByRole('textbox', { name: 'Name in Chinese' }).fill('小微企业贷款');
    await create.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(new RegExp(`/designer/flow/${FLOW}$`));
    await page.getByRole('heading', { level: 1, name: 'Flow: Small business loan' }).waitFor();
    await path('Start', 'End').waitFor({ state: 'attached' });
    await screenshot(page, '41-flow-build-empty-en');

    // The flow itself (nothing selected): its Chinese name (given in the New flow dialog), what its cases are about, what it reads from the record.
    const flowPanel = properties('The flow');
    expect(await flowPanel.getByRole('textbox', { name: 'Name in the runtime (Chinese)' }).inputValue()).toBe('小微企业贷款');
    for (const [name, type] of [['amount', 'money'], ['creditScore', 'number'], ['annualIncome', 'money']] as const) {
      await flowPanel.getByRole('button', { name: 'Add a variable' }).click();
      const number = await flowPanel.getByRole('textbox', { name: /^Name of variable \d+$/ }).count();
      await flowPanel.getByRole('textbox', { name: `Name of variable ${number}` }).fill(name);
      await flowPanel.getByRole('combobox', { name: `Type of ${name}` }).selectOption(type);
    }
    await flowPanel.getByRole('combobox', { name: 'What cases are about' }).selectOption('loan_application');
    for (const [number, field] of [[1, 'amount'], [2, 'credit_score'], [3, 'annual_income']] as const) {
      await flowPanel.getByRole('button', { name: 'Read another variable' }).click();
      await flowPanel.getByRole('combobox', { name: `Field of variable ${number}` }).selectOption(field);
    }

    // By the keyboard: Tab into the diagram; A adds after the selected step, the new one is selected.
    await node('Start: Start').focus();
    await page.keyboard.press('a');
    let add = page.getByRole('dialog', { name: 'Add after Start' });
    await add.getByRole('button', { name: 'Decision', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Decision: Decision/);
    await page.keyboard.press('a');
    add = page.getByRole('dialog', { name: 'Add after Decision' });
    await add.getByRole('button', { name: 'Exclusive branch', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Exclusive branch: Exclusive branch/);
    await page.keyboard.press('a');
    add = page.getByRole('dialog', { name: 'Add after Exclusive branch' });
    await add.getByRole('button', { name: 'Approval', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Approval: Approval/);
    // C connects the new approval to the end, chosen by name; the branch's own way to the end goes (Delete).
    await page.keyboard.press('c');
    const connect = page.getByRole('dialog', { name: 'Connect Approval to' });
    await connect.getByRole('combobox', { name: 'Next step' }).selectOption({ label: 'End: End' });
    await connect.getByRole('button', { name: 'Connect' }).press('Enter');
    await path('Approval', 'End').waitFor({ state: 'attached' });
    await path('Exclusive branch', 'End').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => path('Exclusive branch', 'End').count()).toBe(0);
    expect(await path('Start', 'Decision').count()).toBe(1);
    expect(await path('Decision', 'Exclusive branch').count()).toBe(1);
    expect(await path('Exclusive branch', 'Approval').count()).toBe(1);
    expect(pageErrors.flat()).toEqual([]);
  });

  it('drops the committee from the palette, draws a path into it from the branch’s connection point, and sees what the checker flags', async () => {
    // Names in the bank's words (the properties of each step; Enter on a step opens them).
    await node('Decision: Decision').focus();
    await page.keyboard.press('Enter');
    await rename(properties('Decision: Decision'), 'Score applicant', '申请人评分');
    await node('Exclusive branch: Exclusive branch').focus();
    await rename(properties('Exclusive branch: Exclusive branch'), 'Amount routing', '金额分流');
    await node('Approval: Approval').focus();
    await rename(properties('Approval: Approval'), 'Officer approval', '信贷员审批');

    // With the mouse: an Approval from the palette, dropped below the officers' approval.
    const canvas = page.getByRole('region', { name: 'Flow diagram' });
    const officer = (await node('Approval: Officer approval').boundingBox())!;
    const canvasBox = (await canvas.boundingBox())!;
    // The officers' approval was just focused: the view follows the keyboard, so it is in view.
    const drop = { x: officer.x + officer.width / 2, y: Math.min(officer.y + officer.height + 160, canvasBox.y + canvasBox.height - 60) };
    expect(officer.x + officer.width).toBeLessThanOrEqual(canvasBox.x + canvasBox.width);
    await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Approval', exact: true }).hover();
    await page.mouse.down();
    await page.mouse.move(drop.x, drop.y, { steps: 12 });
    await page.mouse.up();
    const committee = node('Approval: Approval');
    await committee.waitFor();
    await rename(properties('Approval: Approval'), 'Credit committee', '贷审会');

    // A path drawn by dragging from the branch's connection point (right) onto the committee's (left).
    const branchOut = page.locator('.react-flow__node', { has: page.getByText('Amount routing', { exact: true }) }).locator('.react-flow__handle.source');
    const committeeIn = page.locator('.react-flow__node', { has: page.getByText('Credit committee', { exact: true }) }).locator('.react-flow__handle.target');
    const from = (await branchOut.boundingBox())!;
    const to = (await committeeIn.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    await page.mouse.up();
    await path('Amount routing', 'Credit committee').waitFor({ state: 'attached' });
    // And on to the end, by the keyboard's connect dialog.
    await node('Approval: Credit committee').focus();
    await page.keyboard.press('c');
    const connect = page.getByRole('dialog', { name: 'Connect Credit committee to' });
    await connect.getByRole('combobox', { name: 'Next step' }).selectOption({ label: 'End: End' });
    await connect.getByRole('button', { name: 'Connect' }).click();
    await path('Credit committee', 'End').waitFor({ state: 'attached' });

    // The checker: nobody approves yet, and the branch's second path has no condition (its first is the default).
    await problems().getByRole('button', { name: 'The path from Amount routing to Credit committee needs a condition (or to be the default).' }).waitFor();
    const listed = await problems().getByRole('listitem').allTextContents();
    expect(listed).toEqual(expect.arrayContaining(['Officer approval has no approvers.', 'Credit committee has no approvers.']));
    expect(await page.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await language(page, '中文');
    await page.getByText(/^解决下方 \d+ 个问题后即可发布。$/).waitFor();
    await screenshot(page, '42-flow-build-problems-zh');
    await language(page, 'English');
    await page.getByRole('heading', { level: 1, name: 'Flow: Small business loan' }).waitFor();
    expect(pageErrors.flat()).toEqual([]);
  });

  it('fixes what the checker flags: roles picked from the bank’s list, the amount rule, the committee’s 2 of 3 within 3 business days', async () => {
    // The decision: the bank's published scoring, its inputs from the variables of the same names.
    await node('Decision: Score applicant').focus();
    const decision = properties('Decision: Score applicant');
    await decision.getByRole('combobox', { name: 'Decision' }).selectOption('loan_scoring');
    await decision.getByRole('button', { name: 'Add these inputs' }).click();

    // Up to 1,000,000: any one credit officer (或签); above it the committee, the default path.
    await path('Amount routing', 'Officer approval').focus();
    const small = properties('Path');
    await small.getByRole('checkbox', { name: 'Default path' }).uncheck();
    // The condition is typed in the FEEL editor (Monaco, once its chunk has loaded).
    await small.locator('.monaco-editor').waitFor();
    // Like a label, a click on its name puts the caret in the editor.
    await small.getByText('Condition (FEEL)', { exact: true }).click();
    await page.keyboard.type('amount <= 1000000');
    await path('Amount routing', 'Credit committee').focus();
    await properties('Path').getByRole('checkbox', { name: 'Default path' }).check();

    await node('Approval: Officer approval').focus();
    const officer = properties('Approval: Officer approval');
    await officer.getByRole('button', { name: 'Add a rule' }).click();
    await officer.getByRole('combobox', { name: 'Rule 1: who' }).selectOption('role');
    await pick(officer.getByRole('combobox', { name: 'Rule 1: role' }), 'credit off', 'Credit officer (credit_officer)');
    await officer.getByRole('combobox', { name: 'How many must approve' }).selectOption('any');

    // Above it: 2 of the 3 committee members, within 3 business days, then the head of risk.
    await node('Approval: Credit committee').focus();
    const committee = properties('Approval: Credit committee');
    await committee.getByRole('button', { name: 'Add a rule' }).click();
    await committee.getByRole('combobox', { name: 'Rule 1: who' }).selectOption('role');
    await pick(committee.getByRole('combobox', { name: 'Rule 1: role' }), 'committee', 'Credit committee member (credit_committee)');
    await committee.getByRole('combobox', { name: 'How many must approve' }).selectOption('percentage');
    await committee.getByRole('spinbutton', { name: 'Share that must approve (%)' }).fill('66.67');
    await committee.getByRole('checkbox', { name: 'The task has a time limit' }).check();
    const allowed = committee.getByRole('group', { name: 'Time allowed' });
    await allowed.getByRole('spinbutton', { name: 'Amount' }).fill('3');
    await allowed.getByRole('combobox', { name: 'Unit' }).selectOption('days');
    await committee.getByRole('checkbox', { name: /^Count business time only/ }).check();
    await committee.getByRole('combobox', { name: 'When the time is up' }).selectOption('escalate');
    await committee.getByRole('combobox', { name: 'Escalate to' }).selectOption('role');
    await pick(committee.getByRole('combobox', { name: 'Role escalated to' }), 'risk', 'Head of risk (head_of_risk)');

    await problems().getByText('No problems: the flow can be published.').waitFor();
    await path('Amount routing', 'Officer approval').waitFor({ state: 'attached' });
    expect(await path('Amount routing', 'Officer approval').getAttribute('aria-label')).toBe('from Amount routing to Officer approval when amount <= 1000000');
    // Auto-layout untangles what was drawn by hand; the view frames it.
    const diagram = page.getByRole('toolbar', { name: 'Diagram' });
    await diagram.getByRole('button', { name: 'Auto-layout' }).click();
    await page.getByRole('status').filter({ hasText: 'The diagram was laid out again' }).waitFor();
    // Steps are clicked with the mouse, one after another (each click selects the one clicked).
    for (const [type, name] of [['Exclusive branch', 'Amount routing'], ['Approval', 'Officer approval'], ['Approval', 'Credit committee'], ['Exclusive branch', 'Amount routing']]) {
      await node(`${type}: ${name}`).click();
      await properties(`${type}: ${name}`).waitFor();
    }
    await screenshot(page, '43-flow-build-built-en');

    // Saved; Publish is the administrator's (the analyst's role may only edit flows).
    const bar = page.getByRole('toolbar', { name: 'Draft actions' });
    await bar.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor();
    await bar.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your roles do not allow you to publish flow artifacts.' }).waitFor();

    const analyst = await apiAs('huang_lei', DEMO_PASSWORD);
    const saved = (await analyst('GET', `/api/artifacts/flow/${FLOW}`)).body.document as FlowDocument;
    expect(saved.entity).toBe('loan_application');
    expect(saved.record?.variables).toEqual({ amount: 'amount', creditScore: 'credit_score', annualIncome: 'annual_income' });
    const byName = (en: string) => saved.nodes.find((n) => n.name.en === en)!;
    expect(byName('Score applicant')).toMatchObject({ type: 'decision', decisionKey: 'loan_scoring', inputs: { CreditScore: 'creditScore', AnnualIncome: 'annualIncome', Amount: 'amount' } });
    expect(byName('Officer approval')).toMatchObject({ mode: 'any', assignees: [{ kind: 'role', role: 'credit_officer' }] });
    expect(byName('Credit committee')).toMatchObject({
      mode: 'percentage',
      percentage: 66.67,
      assignees: [{ kind: 'role', role: 'credit_committee' }],
      timeout: { duration: 'P3D', businessCalendar: true, action: 'escalate', escalateTo: { role: 'head_of_risk' } },
    });
    const routes = saved.edges.filter((e) => e.source === byName('Amount routing').id).map((e) => ({ to: saved.nodes.find((n) => n.id === e.target)!.name.en, condition: e.condition, default: e.default }));
    expect(routes).toEqual(expect.arrayContaining([{ to: 'Officer approval', condition: 'amount <= 1000000', default: undefined }, { to: 'Credit committee', condition: undefined, default: true }]));
    expect(pageErrors.flat()).toEqual([]);
  });

  it('is published by the administrator, started by an RM from the loan’s record page, and reaches the credit officer’s inbox', async () => {
    const admin = await signedIn('admin', ADMIN_PASSWORD, `/designer/flow/${FLOW}`);
    await admin.getByRole('region', { name: /problem/i }).getByText('No problems: the flow can be published.').waitFor();
    await admin.getByRole('toolbar', { name: 'Draft actions' }).getByRole('button', { name: 'Publish' }).click();
    await admin.getByRole('status').filter({ hasText: 'Published version 1' }).waitFor();
    await admin.close();

    // Relationship managers may start it (the administrator's role settings, through the API).
    const adminApi = await apiAs('admin', ADMIN_PASSWORD);
    const roles = (await adminApi('GET', '/api/auth/roles')).body as unknown as { key: string; flows?: Record<string, string[]> }[];
    const rmRole = roles.find((r) => r.key === 'relationship_manager')!;
    expect((await adminApi('PUT', '/api/auth/roles/relationship_manager', { ...rmRole, flows: { ...rmRole.flows, [FLOW]: ['start'] } })).status).toBe(200);

    // 王芳 submits a loan of 300,000 from its record page.
    const rmApi = await apiAs('wang_fang', DEMO_PASSWORD);
    const customers = await rmApi('POST', '/api/records/customer/query', { limit: 1 });
    const customer = (customers.body.items as { id: string }[])[0]!.id;
    const loan = await rmApi('POST', '/api/records/loan_application', {
      customer,
      product: 'business',
      amount: { amount: '300000.00', currency: 'CNY' },
      term_months: 24,
      credit_score: 760,
      annual_income: { amount: '900000.00', currency: 'CNY' },
      purpose: 'Stock for the new shop',
    });
    expect(loan.status, JSON.stringify(loan.body)).toBe(201);
    loanNo = loan.body.application_no as string;
    const rm = await signedIn('wang_fang', DEMO_PASSWORD, `/bank_crm/loan_application/${loan.body.id as string}`);
    const approvals = rm.getByRole('region', { name: 'Approvals' });
    await approvals.getByRole('button', { name: 'Submit for approval: Small business loan' }).click();
    await rm.getByRole('dialog', { name: /Submit for approval/ }).getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => approvals.textContent()).toContain('Officer approval');
    await rm.close();

    // 张伟, a credit officer, finds it in his inbox (in Chinese).
    const officer = await signedIn('zhang_wei');
    await officer.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await language(officer, '中文');
    await expect.poll(() => officer.getByRole('main').textContent()).toContain(loanNo);
    expect(await officer.getByRole('main').textContent()).toContain('小微企业贷款');
    await screenshot(officer, '44-flow-build-inbox-zh');
    const tasks = await (await apiAs('zhang_wei', DEMO_PASSWORD))('GET', '/api/tasks');
    expect(JSON.stringify(tasks.body)).toContain(loanNo);
    await officer.close();
    expect(pageErrors.flat()).toEqual([]);
  });
});
